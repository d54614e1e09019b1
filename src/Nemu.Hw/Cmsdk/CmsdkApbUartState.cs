// The migratable state of the CMSDK APB UART, in QEMU's vmstate "cmsdk-apb-uart" v1 order.
namespace Nemu.Hw.Cmsdk;

/// <summary>Plain-data state of <see cref="CmsdkApbUart"/>.</summary>
public sealed class CmsdkApbUartState
{
    public uint State;
    public uint Ctrl;
    public uint IntStatus;
    public uint BaudDiv;
    public byte TxBuf;
    public byte RxBuf;
}
