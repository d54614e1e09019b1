// pci.md §1.4 / §4.2: the guest_errors lines Nemu.Memory writes for rejected MSI-X table and PBA accesses, checked
// against qemu-system-arm 7.2 `-qtest stdio -d guest_errors` on pcie-root-port (BAR0 at 0x10000000):
//   readb 0x10000000  -> Invalid read at addr 0x0, size 1, region 'msix-table', reason: invalid size (min:4 max:8)
//   readl 0x10000002  -> two lines, addr 0x2 and addr 0x4, size 2 (qtest goes through address_space_read, which
//                        splits an unaligned buffer into naturally aligned chunks)
//   writew 0x10000800 -> Invalid write at addr 0x0, size 2, region 'msix-pba', reason: invalid size (min:4 max:8)
using Nemu.Core;
using Nemu.Core.Logging;

namespace Nemu.Pci.Tests;

public sealed class MsixAccessLogTests
{
    [Fact]
    public void RejectedTableAndPbaAccessesLogQemusText()
    {
        var rig = MsixTableTests.MappedRig(1, out _);
        using var log = Log.Capture(LogItem.GuestErrors);

        rig.BarRead(0, 1);
        Span<byte> four = stackalloc byte[4];
        Assert.Equal(MemTxResult.DecodeError, rig.Cpu.ReadBuffer(new GuestAddress(MsiTestRig.BarBase + 2), four, default));
        rig.BarWrite(0x800, 1, 2);

        Assert.Equal(
            [
                "Invalid read at addr 0x0, size 1, region 'msix-table', reason: invalid size (min:4 max:8)",
                "Invalid read at addr 0x2, size 2, region 'msix-table', reason: invalid size (min:4 max:8)",
                "Invalid read at addr 0x4, size 2, region 'msix-table', reason: invalid size (min:4 max:8)",
                "Invalid write at addr 0x0, size 2, region 'msix-pba', reason: invalid size (min:4 max:8)",
            ],
            log.Lines);
        Assert.Equal(0u, BitConverter.ToUInt32(four));
    }

    [Fact]
    public void AnUnalignedCpuLoadIsRejectedAsUnaligned()
    {
        // A CPU load is one access (no buffer splitting), so the dispatch's alignment check rejects it.
        var rig = MsixTableTests.MappedRig(1, out _);
        using var log = Log.Capture(LogItem.GuestErrors);
        rig.BarRead(2, 4);
        Assert.Equal(["Invalid read at addr 0x2, size 4, region 'msix-table', reason: unaligned"], log.Lines);
    }
}
