namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>Plain-data state of <see cref="TestUart"/>, the fields of QEMU's cmsdk-apb-uart vmsd.</summary>
internal sealed class TestUartState
{
    public uint State;
    public uint Ctrl;
    public uint IntStatus;
    public uint BaudDiv;
    public byte TxBuf;
    public byte RxBuf;
}
