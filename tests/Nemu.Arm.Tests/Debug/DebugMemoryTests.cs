// Debugger memory access of ArmCpu (IDebugTarget.ReadMemory/WriteMemory; QEMU's cpu_memory_rw_debug): writes reach
// ROM and invalidate decoded code (gdb writing over code runs the new code); a read of unassigned memory fails
// (memsave's "Invalid addr", gdb's E14); ranges beyond the 32-bit address space fail without an exception.
using Nemu.Arm.Tests.Support;
using Nemu.Core;
using Nemu.Core.Debug;
using Nemu.Memory;

namespace Nemu.Arm.Tests.Debug;

public sealed class DebugMemoryTests
{
    [Fact]
    public void DebuggerWriteOverDecodedCodeIsExecuted()
    {
        var m = new TestMachine();
        m.LoadProgram(@"
.org 0x200
.thumb_func
start:
    movs r0, #0
loop:
    movs r1, #1
    adds r0, #1
    b loop
");
        m.Cpu.RunSlice(50);
        Assert.Equal(1u, m.R(1));

        // movs r1, #2 over movs r1, #1 at 0x202.
        Assert.True(m.Cpu.WriteMemory(0x202, [0x02, 0x21]));
        m.Cpu.RunSlice(10);

        Assert.Equal(2u, m.R(1));
    }

    [Fact]
    public void DebuggerWriteReachesRom()
    {
        var m = new TestMachine();
        m.Root.AddSubregion(0x1000_0000, MemoryRegion.CreateRom("rom", 0x1000));

        Assert.True(m.Cpu.WriteMemory(0x1000_0010, [1, 2, 3, 4]));

        var back = new byte[4];
        Assert.True(m.Cpu.ReadMemory(0x1000_0010, back));
        Assert.Equal([1, 2, 3, 4], back);
    }

    [Fact]
    public void ReadOfUnassignedMemoryFailsAsQemus()
    {
        var m = new TestMachine();
        var data = new byte[] { 9, 9, 9, 9 };

        Assert.False(m.Cpu.ReadMemory(0x5000_0000, data));
    }

    [Fact]
    public void RangesBeyondTheAddressSpaceFailWithoutThrowing()
    {
        var m = new TestMachine();
        var data = new byte[16];

        Assert.False(m.Cpu.ReadMemory(0xFFFF_FFF8, data));
        Assert.False(m.Cpu.ReadMemory(ulong.MaxValue, data));
        Assert.False(m.Cpu.WriteMemory(0x1_0000_0000, data));
        Assert.True(m.Cpu.ReadMemory(TestMachine.StackTop - 16, data));
    }

    [Fact]
    public void ReadSeesWhatTheCpuStored()
    {
        var m = new TestMachine();
        m.Write32(0x2000_0040, 0xCAFEF00D);
        var data = new byte[4];

        Assert.True(((IDebugTarget)m.Cpu).ReadMemory(0x2000_0040, data));

        Assert.Equal(0xCAFEF00Du, BitConverter.ToUInt32(data));
        _ = new GuestAddress(0);
    }
}
