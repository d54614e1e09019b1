// Implements: QEMU 7.2 hw/char/cmsdk-apb-uart.c (mprofile.md §6.5; Arm DDI0479C CMSDK TRM "APB UART"):
// DATA/STATE/CTRL/INTSTATUS/BAUDDIV, PID/CID, instantaneous TX to the chardev, one-byte RX gated by
// RXEN && !RXFULL, edge-style TX interrupt, TXO/RXO intstatus = STATE overrun & CTRL enable, five level
// outputs TXINT, RXINT, TXOVRINT, RXOVRINT, UARTINT (sysbus irqs 0-4), -d guest_errors texts of QEMU.
// Not modelled: a backend that refuses output (QEMU waits for a G_IO_OUT watch; here a refused byte is
// dropped as QEMU does without a backend), serial line parameters (BAUDDIV is stored only).
using Nemu.Chardevs;
using Nemu.Core;
using Nemu.Core.Irq;
using Nemu.Core.Logging;
using Nemu.Core.State;
using Nemu.Hw.Misc;
using Nemu.Memory;
using Nemu.Qdev;

namespace Nemu.Hw.Cmsdk;

/// <summary>QEMU's <c>cmsdk-apb-uart</c>: the CMSDK APB UART on MPS2/SSE boards.</summary>
public sealed class CmsdkApbUart : HwSysBusDevice, IMemoryRegionOps, IChardevFrontend
{
    public new const string TypeName = "cmsdk-apb-uart";

    public const uint StateTxFull = 1 << 0;
    public const uint StateRxFull = 1 << 1;
    public const uint StateTxOverrun = 1 << 2;
    public const uint StateRxOverrun = 1 << 3;
    public const uint CtrlTxEn = 1 << 0;
    public const uint CtrlRxEn = 1 << 1;
    public const uint CtrlTxIntEn = 1 << 2;
    public const uint CtrlRxIntEn = 1 << 3;
    public const uint IntTx = 1 << 0;
    public const uint IntRx = 1 << 1;
    public const uint IntTxo = 1 << 2;
    public const uint IntRxo = 1 << 3;

    /// <summary>PID4-7, PID0-3, CID0-3 at 0xFD0-0xFFC.</summary>
    private static readonly byte[] IdRegisters = [0x04, 0x00, 0x00, 0x00, 0x21, 0xb8, 0x1b, 0x00, 0x0d, 0xf0, 0x05, 0xb1];

    public static readonly StateDescription<CmsdkApbUartState> Vmsd =
        StateDescription<CmsdkApbUartState>.Builder(TypeName, 1, 1)
            .UInt32("state", s => ref s.State)
            .UInt32("ctrl", s => ref s.Ctrl)
            .UInt32("intstatus", s => ref s.IntStatus)
            .UInt32("bauddiv", s => ref s.BaudDiv)
            .UInt8("txbuf", s => ref s.TxBuf)
            .UInt8("rxbuf", s => ref s.RxBuf)
            .Build();

    public static readonly DeviceType TypeInfo =
        DeviceType.Define(TypeName, () => new CmsdkApbUart())
            .Parent(SysBusDevice.TypeName)
            .Chardev("chardev", d => ref d._chardevId)
            .UInt32("pclk-frq", d => ref d._pclkFrq)
            .Build();

    private readonly CmsdkApbUartState _s = new();
    private readonly IrqLine _txInt;
    private readonly IrqLine _rxInt;
    private readonly IrqLine _txOvrInt;
    private readonly IrqLine _rxOvrInt;
    private readonly IrqLine _uartInt;
    private readonly byte[] _txByte = new byte[1];
    private string? _chardevId;
    private uint _pclkFrq;
    private Chardev? _chardev;

    public CmsdkApbUart()
    {
        InitMmio(MemoryRegion.CreateIo("uart", 0x1000, this, this));
        _txInt = InitIrq();
        _rxInt = InitIrq();
        _txOvrInt = InitIrq();
        _rxOvrInt = InitIrq();
        _uartInt = InitIrq();
        InitState(Vmsd, _s);
    }

    public AccessConstraints Constraints => AccessConstraints.Default;

    /// <summary>The live state (read-only use in tests and the monitor).</summary>
    public CmsdkApbUartState State => _s;

    public MemTxResult Read(ulong offset, uint size, MemTxAttrs attrs, out ulong value)
    {
        switch (offset)
        {
            case 0x00:
                value = _s.RxBuf;
                _s.State &= ~StateRxFull;
                Update();
                _chardev?.AcceptInput();
                break;
            case 0x04: value = _s.State; break;
            case 0x08: value = _s.Ctrl; break;
            case 0x0c: value = _s.IntStatus; break;
            case 0x10: value = _s.BaudDiv; break;
            case >= 0xfd0 and <= 0xffc:
                // QEMU indexes by (offset - PID4) / 4, so unaligned offsets read the word's ID byte too.
                value = IdRegisters[(offset - 0xfd0) / 4];
                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB UART read: bad offset {(int)offset:x}");
                }

                value = 0;
                break;
        }

        return MemTxResult.Ok;
    }

    public MemTxResult Write(ulong offset, ulong value, uint size, MemTxAttrs attrs)
    {
        switch (offset)
        {
            case 0x00:
                _s.TxBuf = (byte)value;
                if ((_s.State & StateTxFull) != 0)
                {
                    _s.State |= StateTxOverrun;
                    Update();
                }
                else
                {
                    _s.State |= StateTxFull;
                    Transmit();
                }

                break;
            case 0x04:
                _s.State &= ~((uint)value & (StateTxOverrun | StateRxOverrun));
                Update();
                break;
            case 0x08:
                _s.Ctrl = (uint)value & 0x7f;
                if ((_s.Ctrl & CtrlTxEn) != 0 && !BaudRateOk() && Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, "CMSDK APB UART: Tx enabled with invalid baudrate");
                }

                Update();
                _chardev?.AcceptInput();
                break;
            case 0x0c:
                _s.State &= ~((uint)value & (IntTxo | IntRxo));
                _s.IntStatus &= ~(uint)value;
                Update();
                break;
            case 0x10:
                _s.BaudDiv = (uint)value & 0xfffff;
                break;
            case >= 0xfd0 and <= 0xffc:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB UART write: write to RO offset 0x{(int)offset:x}");
                }

                break;
            default:
                if (Log.IsEnabled(LogItem.GuestErrors))
                {
                    Log.Write(LogItem.GuestErrors, $"CMSDK APB UART write: bad offset 0x{(int)offset:x}");
                }

                break;
        }

        return MemTxResult.Ok;
    }

    public int CanReceive() => (_s.Ctrl & CtrlRxEn) != 0 && (_s.State & StateRxFull) == 0 ? 1 : 0;

    public void Receive(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty || (_s.Ctrl & CtrlRxEn) == 0)
        {
            return;
        }

        if ((_s.State & StateRxFull) != 0)
        {
            _s.State |= StateRxOverrun;
        }

        _s.RxBuf = data[0];
        _s.State |= StateRxFull;
        if ((_s.Ctrl & CtrlRxIntEn) != 0)
        {
            _s.IntStatus |= IntRx;
        }

        Update();
    }

    public void OnEvent(ChardevEvent chardevEvent)
    {
    }

    protected override void OnRealize()
    {
        if (_pclkFrq == 0)
        {
            throw new QdevException("CMSDK APB UART: pclk-frq property must be set");
        }

        _chardev = ResolveChardev(_chardevId);
        _chardev?.Attach(this);
    }

    protected override void OnUnrealize()
    {
        _chardev?.Detach(this);
        _chardev = null;
    }

    protected override void OnReset() => Update();

    private bool BaudRateOk() => _s.BaudDiv >= 16 && _s.BaudDiv <= _pclkFrq;

    private void Transmit()
    {
        if ((_s.Ctrl & CtrlTxEn) == 0 || (_s.State & StateTxFull) == 0)
        {
            // With TX disabled the character stays in the buffer; enabling TX does not send it (QEMU).
            return;
        }

        if (_chardev is not null)
        {
            _txByte[0] = _s.TxBuf;
            _chardev.Write(_txByte);
        }

        _s.State &= ~StateTxFull;
        if ((_s.Ctrl & CtrlTxIntEn) != 0)
        {
            _s.IntStatus |= IntTx;
        }

        Update();
    }

    private void Update()
    {
        const uint overrun = IntRxo | IntTxo;
        _s.IntStatus = (_s.IntStatus & ~overrun) | (_s.State & (_s.Ctrl >> 2) & overrun);
        _txInt.Set((_s.IntStatus & IntTx) != 0);
        _rxInt.Set((_s.IntStatus & IntRx) != 0);
        _txOvrInt.Set((_s.IntStatus & IntTxo) != 0);
        _rxOvrInt.Set((_s.IntStatus & IntRxo) != 0);
        _uartInt.Set(_s.IntStatus != 0);
    }
}
