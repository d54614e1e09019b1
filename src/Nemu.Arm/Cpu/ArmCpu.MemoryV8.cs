// The load/store slow path of Armv8-M cores (Armv8-M ARM B8.2 SecurityCheck, B3.5 PMSAv8; mprofile.md §5.4-§5.6;
// QEMU 7.2 get_phys_addr_pmsav8): after a TLB miss the address is attributed first (a Non-secure access to Secure
// memory raises SecureFault AUVIOL; an address attributed Non-secure is accessed with Non-secure attributes), then
// the current state's PMSAv8 bank is consulted when it applies (MemManage DACCVIOL in that state's bank), and the
// page is cached in the current context's TLB when both results hold for the whole 1 KiB page, following IOMMU
// regions (a TZ-MPC) with the access's attributes, so Secure and Non-secure RAM behind an MPC hit the TLB. Accesses
// crossing into the next page are checked at both ends.
using Nemu.Arm.Exceptions;
using Nemu.Core;
using Nemu.Memory;

namespace Nemu.Arm.Cpu;

/// <summary>Armv8-M loads and stores after a TLB miss.</summary>
public sealed partial class ArmCpu
{
    private bool LoadSlowV8(uint address, uint size, out uint value, bool unprivileged)
    {
        var tlb = unprivileged ? _unprivTlb : _dataTlb;
        var privileged = IsPrivileged && !unprivileged;
        if (!CheckDataAccessV8(tlb, address, size, write: false, privileged, out var attrs))
        {
            value = 0;
            return false;
        }

        if (tlb.TryRead(address, size, out var cached))
        {
            value = (uint)cached;
            return true;
        }

        BeforeDeviceAccess();
        var r = Memory.Read(new GuestAddress(address), size, attrs, out var v);
        value = (uint)v;
        return r == MemTxResult.Ok || IgnoreMemoryTransactionFailures || DataBusFault(address);
    }

    private bool StoreSlowV8(uint address, uint size, uint value, bool unprivileged)
    {
        var tlb = unprivileged ? _unprivTlb : _dataTlb;
        var privileged = IsPrivileged && !unprivileged;
        if (!CheckDataAccessV8(tlb, address, size, write: true, privileged, out var attrs))
        {
            return false;
        }

        if (tlb.TryWrite(address, value, size))
        {
            return true;
        }

        BeforeDeviceAccess();
        var r = Memory.Write(new GuestAddress(address), value, size, attrs);
        return r == MemTxResult.Ok || IgnoreMemoryTransactionFailures || DataBusFault(address);
    }

    // get_phys_addr_pmsav8 for a data access of the current state: false when a fault was raised; otherwise the
    // attributes to access with, and the page filled into the TLB when it is uniform.
    private bool CheckDataAccessV8(SoftTlb tlb, uint address, uint size, bool write, bool privileged, out MemTxAttrs attrs)
    {
        var secure = Secure;
        var last = address + size - 1;
        var crosses = (last >> DecodedPage.Shift) != (address >> DecodedPage.Shift);
        var attrSecure = false;
        var subPage = false;
        if (HasSecurityExtension)
        {
            var s = Sau.Lookup(address, fetch: false, secure, Idau);
            if (!s.Ns && !secure)
            {
                attrs = default;
                return RaiseSecureDataFault(address);
            }

            if (crosses && !secure && !Sau.Lookup(last, fetch: false, secure, Idau).Ns)
            {
                attrs = default;
                return RaiseSecureDataFault(last);
            }

            attrSecure = secure && !s.Ns;
            subPage = s.SubPage;
        }

        attrs = Attrs(privileged, attrSecure);
        var mpu = _pmsav8![secure && HasSecurityExtension ? BankS : BankNs];
        var negPri = NegPriFor(secure);
        var perms = MpuPermissions.ReadWrite;
        var uniform = true;
        if (mpu.AppliesTo(negPri))
        {
            var need = write ? MpuPermissions.Write : MpuPermissions.Read;
            perms = mpu.Permissions(address, privileged, negPri, DecodedPage.Shift, out uniform);
            if ((perms & need) == 0)
            {
                return MpuDataFault(address);
            }

            if (crosses && (mpu.Permissions(last, privileged, negPri) & need) == 0)
            {
                return MpuDataFault(last);
            }
        }

        if (uniform && !subPage)
        {
            tlb.Fill(address, write, attrs, (perms & MpuPermissions.Read) != 0, (perms & MpuPermissions.Write) != 0);
        }

        return true;
    }
}
