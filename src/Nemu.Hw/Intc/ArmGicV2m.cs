// Implements: QEMU 7.2 hw/intc/arm_gicv2m.c (SBSA v2.2 GICv2m MSI frame, one non-secure frame, no optional ID
// registers): properties base-spi (0) / num-spi (64) with QEMU's realize checks and texts; num-spi sysbus IRQ
// outputs (output n drives GIC SPI base-spi + n); the 4 KiB "gicv2m" region: MSI_TYPER at 0x008 ((base-spi + 32)
// << 16 | num-spi), MSI_IIDR at 0xFCC (product ID 'Q' << 20), 0xFD0-0xFFC read 0, MSI_SETSPI_NS at 0x040 (2- or
// 4-byte write; interrupt ID = data[9:0]; an ID in [base-spi + 32, base-spi + 32 + num-spi) pulses that SPI:
// raise then lower). Reads must be 4 bytes and writes 2 or 4 bytes, otherwise QEMU's "bad size" guest error.
// TryDeliver is the allocation-free in-process path of an MSI write for a backend that has cached the route.
// QEMU gives the device no vmstate; Nemu declares an empty section for the migration self-check.
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Intc;

/// <summary>QEMU's <c>arm-gicv2m</c> MSI frame.</summary>
public sealed class ArmGicV2m : SysBusDevice, IMemoryRegionOps
{
    public new const string TypeName = "arm-gicv2m";

    /// <summary>MSI_TYPER.</summary>
    public const int MsiTyperOffset = 0x008;

    /// <summary>MSI_SETSPI_NS: the address MSIs are written to.</summary>
    public const int SetSpiOffset = 0x040;

    /// <summary>MSI_IIDR.</summary>
    public const int IidrOffset = 0xfcc;

    /// <summary>GICV2M_NUM_SPI_MAX.</summary>
    public const int MaxSpis = 128;

    private const uint ProductIdQemu = 0x51;

    public static readonly StateDescription<ArmGicV2mState> Vmsd =
        StateDescription<ArmGicV2mState>.Builder(TypeName, 1, 1).Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new ArmGicV2m())
            .Parent(SysBusDevice.TypeName)
            .UInt32("base-spi", d => ref d._baseSpi)
            .UInt32("num-spi", d => ref d._numSpi, 64)
            .Build();

    private uint _baseSpi;
    private uint _numSpi = 64;
    private IrqLine[] _spis = [];

    private ArmGicV2m()
    {
        InitMmio(MemoryRegion.CreateIo("gicv2m", 0x1000, this, this));
        InitState(Vmsd, new ArmGicV2mState());
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The first SPI (GIC input) of the frame.</summary>
    public int BaseSpi => (int)_baseSpi;

    /// <summary>How many SPIs the frame drives.</summary>
    public int SpiCount => (int)_numSpi;

    /// <summary>
    /// Delivers an MSI whose data is <paramref name="data"/> as a write to MSI_SETSPI_NS would: pulses the SPI
    /// when data[9:0] is an interrupt ID of the frame. Returns false (and does nothing) otherwise.
    /// </summary>
    public bool TryDeliver(uint data)
    {
        var spi = (long)(data & 0x3ff) - (_baseSpi + 32);
        if (spi < 0 || spi >= _numSpi)
        {
            return false;
        }

        _spis[spi].Pulse();
        return true;
    }

    /// <summary>Pulses output <paramref name="index"/> (SPI base-spi + index); false when out of range.</summary>
    public bool RaiseSpi(int index)
    {
        if ((uint)index >= _numSpi)
        {
            return false;
        }

        _spis[index].Pulse();
        return true;
    }

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        value = 0;
        if (size != 4)
        {
            GuestError($"gicv2m_read: bad size {size}");
            return MemTxResult.Ok;
        }

        switch (offset)
        {
            case MsiTyperOffset:
                value = ((_baseSpi + 32) << 16) | _numSpi;
                break;
            case IidrOffset:
                value = ProductIdQemu << 20;
                break;
            case >= 0xfd0 and <= 0xfff:
                // No optional identification registers; the mandatory MSI_PIDR2 reads 0.
                break;
            default:
                GuestError($"gicv2m_read: Bad offset {(int)offset:x}");
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        if (size is not (2 or 4))
        {
            GuestError($"gicv2m_write: bad size {size}");
            return MemTxResult.Ok;
        }

        if (offset == SetSpiOffset)
        {
            TryDeliver((uint)value);
        }
        else
        {
            GuestError($"gicv2m_write: Bad offset {(int)offset:x}");
        }

        return MemTxResult.Ok;
    }

    protected override void OnRealize()
    {
        if (_numSpi > MaxSpis)
        {
            throw new QdevException($"requested {_numSpi} SPIs exceeds GICv2m frame maximum {MaxSpis}");
        }

        if (_baseSpi + 32 > 1020 - _numSpi)
        {
            throw new QdevException($"requested base SPI {_baseSpi + 32}+{_numSpi} exceeds max. number 1020");
        }

        _spis = new IrqLine[_numSpi];
        for (var i = 0; i < _spis.Length; i++)
        {
            _spis[i] = InitIrq();
        }
    }

    private static void GuestError(string message)
    {
        if (Log.IsEnabled(LogItem.GuestErrors))
        {
            Log.Write(LogItem.GuestErrors, message);
        }
    }
}
