namespace Nemu.Hw.Tests.Differential;

/// <summary>One register of one board device whose reset value is compared with QEMU.</summary>
public sealed record ResetRegister(string Board, string Device, ulong Base, ulong Offset, string Name)
{
    public ulong Address => Base + Offset;
}
