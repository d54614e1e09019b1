namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>
/// A user-creatable device with the property set of QEMU's generic loader (so `-device loader,help` can be
/// compared with QEMU's text) that records its lifecycle calls.
/// </summary>
internal sealed class TestLoader : Device
{
    public static readonly DeviceType TypeInfo =
        DeviceType.Define("loader", () => new TestLoader())
            .Description("Generic Loader")
            .Category(DeviceCategories.Misc)
            .UserCreatable()
            .UInt64("addr", d => ref d._addr)
            .UInt64("data", d => ref d._data)
            .UInt8("data-len", d => ref d._dataLen)
            .Bool("data-be", d => ref d._dataBe)
            .UInt32("cpu-num", d => ref d._cpuNum, uint.MaxValue)
            .String("file", d => ref d._file)
            .Bool("force-raw", d => ref d._forceRaw)
            .Build();

    private ulong _addr;
    private ulong _data;
    private byte _dataLen;
    private bool _dataBe;
    private uint _cpuNum;
    private string? _file;
    private bool _forceRaw;

    public List<string> Calls { get; } = [];

    public ulong Addr => _addr;

    public uint CpuNum => _cpuNum;

    public byte DataLen => _dataLen;

    public bool DataBe => _dataBe;

    protected override void OnRealize()
    {
        Calls.Add("realize");
        if (_dataLen > 8)
        {
            throw new QdevException("data-len cannot be greater then 8 bytes");
        }
    }

    protected override void OnReset() => Calls.Add("reset");

    protected override void OnUnrealize() => Calls.Add("unrealize");
}
