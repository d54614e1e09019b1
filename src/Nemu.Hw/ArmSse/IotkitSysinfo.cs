// Implements: QEMU 7.2 hw/misc/iotkit-sysinfo.c, the IoTKit / SSE-200 system information block
// (mprofile.md §6.4): SYS_VERSION 0x0 and SYS_CONFIG 0x4 from properties, PID/CID; everything read-only
// (writes log "IoTKit SysInfo: write to RO offset"). Properties SYS_VERSION, SYS_CONFIG, sse-version, IIDR.
// Not modelled: the SSE-300 SYS_CONFIG1/IIDR registers and ID values.
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.ArmSse;

/// <summary>QEMU's <c>iotkit-sysinfo</c>.</summary>
public sealed class IotkitSysinfo : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "iotkit-sysinfo";

    private static readonly byte[] Ids = [0x04, 0x00, 0x00, 0x00, 0x58, 0xb8, 0x0b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 4,
        ImplMinAccessSize = 4,
        ImplMaxAccessSize = 4,
    };

    public static readonly StateDescription<IdOnlyState> Vmsd =
        StateDescription<IdOnlyState>.Builder(TypeName, 1, 1).Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new IotkitSysinfo())
            .Parent(SysBusDevice.TypeName)
            .UInt32("SYS_VERSION", d => ref d._sysVersion)
            .UInt32("SYS_CONFIG", d => ref d._sysConfig)
            .UInt32("sse-version", d => ref d._sseVersion)
            .UInt32("IIDR", d => ref d._iidr)
            .Build();

    private uint _sysVersion;
    private uint _sysConfig;
    private uint _sseVersion;
    private uint _iidr;

    private IotkitSysinfo()
    {
        InitMmio(MemoryRegion.CreateIo(TypeName, 0x1000, this, this));
        InitState(Vmsd, new IdOnlyState());
    }

    public AccessConstraints Constraints => Access;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x0: value = _sysVersion; break;
            case 0x4: value = _sysConfig; break;
            case >= 0xfd0 and <= 0xffc: value = Ids[(offset - 0xfd0) / 4]; break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"IoTKit SysInfo read: bad offset {(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, $"IoTKit SysInfo: write to RO offset 0x{(int)offset:x}");
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_sseVersion is not (0 or 200 or 300))
        {
            throw new QdevException($"invalid sse-version value {_sseVersion}");
        }
    }
}
