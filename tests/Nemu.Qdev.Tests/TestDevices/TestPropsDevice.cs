namespace Nemu.Qdev.Tests.TestDevices;

/// <summary>A device carrying one property of each remaining kind (int32, int64, uint16, size, string, link).</summary>
internal sealed class TestPropsDevice : Device
{
    public static readonly DeviceType TypeInfo =
        DeviceType.Define("test-props", () => new TestPropsDevice())
            .UserCreatable()
            .Int32("offset", d => ref d._offset, -1)
            .Int64("big", d => ref d._big)
            .UInt16("port", d => ref d._port, description: "TCP port")
            .Size("size", d => ref d._size, 16 * 1024 * 1024)
            .String("name", d => ref d._name)
            .Link("memory", "memory-region", d => ref d._memory)
            .Build();

    private int _offset;
    private long _big;
    private ushort _port;
    private ulong _size;
    private string? _name;
    private string? _memory;

    public int Offset => _offset;

    public long Big => _big;

    public ulong Size => _size;

    public string? Memory => _memory;
}
