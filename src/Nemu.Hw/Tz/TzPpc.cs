// Implements: QEMU 7.2 hw/misc/tz-ppc.c, the Arm TrustZone peripheral protection controller (mprofile.md §6.4):
// up to 16 ports, each an MMIO region "tz-ppc-port[N]" that forwards an access to its downstream region's
// address space (also "tz-ppc-port[N]") with the access's attributes. An access is blocked when
// (attrs.Secure == cfg_nonsec[N], unless NONSEC_MASK bit N) or (attrs.User && !cfg_ap[N]); a blocked access is
// RAZ/WI, or a bus error when cfg_sec_resp is high, and sets irq_status unless irq_clear is held. GPIO inputs
// cfg_nonsec[16], cfg_ap[16], cfg_sec_resp, irq_enable, irq_clear; output irq = irq_status && irq_enable.
// Reset clears cfg_nonsec, cfg_ap and cfg_sec_resp (the IRQ inputs keep their levels, as in QEMU).
// Not modelled: QEMU's trace points. Ports below the highest used one without a downstream get QEMU's dummy
// region "tz-ppc-dummy-port[N]" so MMIO numbering equals port numbering; accessing one is a board bug.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Tz;

/// <summary>QEMU's <c>tz-ppc</c>.</summary>
public sealed class TzPpc : TzSysBusDevice
{
    public new const string TypeName = "tz-ppc";

    /// <summary>QEMU's TZ_NUM_PORTS.</summary>
    public const int NumPorts = 16;

    public static readonly StateDescription<TzPpcState> Vmsd =
        StateDescription<TzPpcState>.Builder(TypeName, 1, 1)
            .UInt8Array("cfg_nonsec", s => s.CfgNonsec, NumPorts)
            .UInt8Array("cfg_ap", s => s.CfgAp, NumPorts)
            .Bool("cfg_sec_resp", s => ref s.CfgSecResp)
            .Bool("irq_enable", s => ref s.IrqEnable)
            .Bool("irq_clear", s => ref s.IrqClear)
            .Bool("irq_status", s => ref s.IrqStatus)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new TzPpc())
            .Parent(SysBusDevice.TypeName)
            .UInt32("NONSEC_MASK", d => ref d._nonsecMask)
            .Build();

    private readonly TzPpcState _s = new();
    private readonly MemoryRegion?[] _downstream = new MemoryRegion?[NumPorts];
    private readonly IrqLine _irq;
    private uint _nonsecMask;

    private TzPpc()
    {
        InitGpioIn("cfg_nonsec", NumPorts, (n, level) => _s.CfgNonsec[n] = level ? (byte)1 : (byte)0);
        InitGpioIn("cfg_ap", NumPorts, (n, level) => _s.CfgAp[n] = level ? (byte)1 : (byte)0);
        InitGpioIn("cfg_sec_resp", 1, (_, level) => _s.CfgSecResp = level);
        InitGpioIn("irq_enable", 1, (_, level) =>
        {
            _s.IrqEnable = level;
            UpdateIrq();
        });
        InitGpioIn("irq_clear", 1, (_, level) =>
        {
            _s.IrqClear = level;
            if (level)
            {
                _s.IrqStatus = false;
                UpdateIrq();
            }
        });
        _irq = InitGpioOut("irq", 1)[0];
        InitState(Vmsd, _s);
    }

    public TzPpcState State => _s;

    /// <summary>The address space each used port forwards to (QEMU's port[N].downstream_as), after realize.</summary>
    public AddressSpace?[] DownstreamSpaces { get; } = new AddressSpace?[NumPorts];

    /// <summary>QEMU's "port[N]" link: the region behind port <paramref name="port"/>; set before realize.</summary>
    public void SetPort(int port, MemoryRegion downstream)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(port, NumPorts);
        if (IsRealized)
        {
            throw new QdevException($"Attempt to set property 'port[{port}]' on anonymous device (type '{TypeName}') after it was realized");
        }

        _downstream[port] = downstream;
    }

    /// <summary>The upstream region of port <paramref name="port"/> (sysbus MMIO <paramref name="port"/>) for the board to map.</summary>
    public MemoryRegion PortRegion(int port) => Mmio[port].Region!;

    protected override void OnRealize()
    {
        var memory = ResolveMemory();
        var maxPort = 0;
        for (var i = 0; i < NumPorts; i++)
        {
            if (_downstream[i] is not null)
            {
                maxPort = i;
            }
        }

        for (var i = 0; i <= maxPort; i++)
        {
            if (_downstream[i] is not { } downstream)
            {
                InitMmio(MemoryRegion.CreateIo($"tz-ppc-dummy-port[{i}]", 0x10000, null, this));
                continue;
            }

            var name = $"tz-ppc-port[{i}]";
            var space = new AddressSpace(memory, name, downstream);
            DownstreamSpaces[i] = space;
            InitMmio(MemoryRegion.CreateIo(name, downstream.Size, new Port(this, i, space), this));
        }
    }

    private void UpdateIrq() => _irq.Set(_s.IrqStatus && _s.IrqEnable);

    /// <summary>tz_ppc_check: true when the access may pass; a blocked one sets irq_status unless irq_clear.</summary>
    private bool Check(int n, MemTxAttrs attrs)
    {
        var nonsec = _s.CfgNonsec[n] != 0;
        if ((attrs.Secure == nonsec && (_nonsecMask & (1u << n)) == 0) || (attrs.User && _s.CfgAp[n] == 0))
        {
            if (!_s.IrqClear)
            {
                _s.IrqStatus = true;
                UpdateIrq();
            }

            return false;
        }

        return true;
    }

    /// <summary>The upstream end of one port: the check, then the access in the port's downstream address space.</summary>
    private sealed class Port(TzPpc ppc, int index, AddressSpace downstream) : IMemoryRegionOps
    {
        private static readonly AccessConstraints PortAccess = new()
        {
            ValidMinAccessSize = 1,
            ValidMaxAccessSize = 8,
            ImplMinAccessSize = 1,
            ImplMaxAccessSize = 8,
        };

        public AccessConstraints Constraints => PortAccess;

        public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
        {
            if (!ppc.Check(index, attrs))
            {
                value = 0;
                return ppc._s.CfgSecResp ? MemTxResult.Error : MemTxResult.Ok;
            }

            return downstream.Read(new GuestAddress(offset), size, attrs, out value);
        }

        public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
        {
            if (!ppc.Check(index, attrs))
            {
                return ppc._s.CfgSecResp ? MemTxResult.Error : MemTxResult.Ok;
            }

            return downstream.Write(new GuestAddress(offset), value, size, attrs);
        }
    }
}
