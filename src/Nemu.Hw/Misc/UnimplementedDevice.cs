// Implements: QEMU 7.2 hw/misc/unimp.c: a RAZ/WI region of `size` bytes named `name` that logs every access
// under -d unimp as "NAME: unimplemented device read  (size S, offset 0xOFF)" / "... write (size S, offset
// 0xOFF, value 0xVAL)", the offset zero-padded to the hex digits of size-1 and the value to 2*size digits.
// Accesses of 1-8 bytes reach it unsplit. Boards map it with priority -1000 under real devices.
// QEMU gives it no vmstate (nothing to migrate).
using Nemu.Core;
using Nemu.Core.Logging;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Misc;

/// <summary>QEMU's <c>unimplemented-device</c>.</summary>
public sealed class UnimplementedDevice : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "unimplemented-device";

    /// <summary>The priority boards map it with (sysbus_mmio_map_overlap(..., -1000) in create_unimplemented_device).</summary>
    public const int MapPriority = -1000;

    private static readonly AccessConstraints Access = new()
    {
        ValidMinAccessSize = 1,
        ValidMaxAccessSize = 8,
        ImplMinAccessSize = 1,
        ImplMaxAccessSize = 8,
    };

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new UnimplementedDevice())
            .Parent(SysBusDevice.TypeName)
            .UInt64("size", d => ref d._size)
            .String("name", d => ref d._name)
            .Build();

    private ulong _size;
    private string? _name;
    private int _offsetWidth;

    public AccessConstraints Constraints => Access;

    /// <summary>The device's region, made at realize.</summary>
    public MemoryRegion? Region { get; private set; }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        if (Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, $"{_name}: unimplemented device read  (size {size}, offset 0x{offset.ToString("x" + _offsetWidth)})");
        }

        value = 0;
        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (Log.IsEnabled(LogItem.Unimp))
        {
            Log.Write(LogItem.Unimp, $"{_name}: unimplemented device write (size {size}, offset 0x{offset.ToString("x" + _offsetWidth)}, value 0x{value.ToString("x" + (size * 2))})");
        }

        return MemTxResult.Ok;
    }

    /// <summary>QEMU's offset_fmt_width: DIV_ROUND_UP(64 - clz64(size - 1), 4).</summary>
    public static int OffsetWidth(ulong size) => (64 - System.Numerics.BitOperations.LeadingZeroCount(size - 1) + 3) / 4;

    protected override void OnRealize()
    {
        if (_size == 0)
        {
            throw new QdevException("property 'size' not specified or zero");
        }

        if (_name is null)
        {
            throw new QdevException("property 'name' not specified");
        }

        _offsetWidth = OffsetWidth(_size);
        Region = MemoryRegion.CreateIo(_name, _size, this, this);
        InitMmio(Region);
    }
}
