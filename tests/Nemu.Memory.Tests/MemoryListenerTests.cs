// pci.md §1.7: listener replay, cleanup on unregister, topology diff ordering, priorities, transactions.
namespace Nemu.Memory.Tests;

public sealed class MemoryListenerTests
{
    private static MemoryRegion Io(string name, ulong size) => MemoryRegion.CreateIo(name, size, NullOps.Instance);

    [Fact]
    public void RegisterReplaysCurrentMapToTheNewListenerOnly()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0, Io("a", 0x100));
        root.AddSubregion(0x1000, Io("b", 0x100));
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "first"));
        log.Clear();
        space.RegisterListener(new RecordingListener(log, "second"));
        Assert.Equal(["second begin", "second add a@0+100", "second add b@1000+100", "second commit"], log);
    }

    [Fact]
    public void UnregisterDeletesEveryRangeForThatListener()
    {
        // "memory: do explicit cleanup when remove listeners": region_del undoes what region_add took.
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0, Io("a", 0x100));
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        var listener = new RecordingListener(log, "l");
        space.RegisterListener(listener);
        log.Clear();
        space.UnregisterListener(listener);
        Assert.Equal(["l begin", "l del a@0+100", "l commit"], log);
        Assert.Null(listener.AddressSpace);
        Assert.Empty(space.Listeners);
        log.Clear();
        root.AddSubregion(0x1000, Io("b", 0x100));
        Assert.Empty(log);
    }

    [Fact]
    public void TopologyChangeDeletesBeforeAddsAndReportsUnchangedAsNop()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var a = Io("a", 0x100);
        root.AddSubregion(0, a);
        root.AddSubregion(0x1000, Io("keep", 0x100));
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        a.Address = 0x2000;
        Assert.Equal(["l begin", "l del a@0+100", "l nop keep@1000+100", "l add a@2000+100", "l commit"], log);
    }

    [Fact]
    public void AttributeChangeIsDelThenAddOfTheSameRange()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var ram = MemoryRegion.CreateRam("ram", 0x100);
        root.AddSubregion(0, ram);
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        ram.ReadOnly = true;
        Assert.Equal(["l begin", "l del ram@0+100", "l add ram@0+100 ro", "l commit"], log);
    }

    [Fact]
    public void DeletesRunInReversePriorityAndAddsInForwardPriority()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var a = Io("a", 0x100);
        root.AddSubregion(0, a);
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "p10", 10));
        space.RegisterListener(new RecordingListener(log, "p1", 1));
        space.RegisterListener(new RecordingListener(log, "p5", 5));
        log.Clear();
        a.Address = 0x100;
        Assert.Equal(
            ["p1 begin", "p5 begin", "p10 begin",
             "p10 del a@0+100", "p5 del a@0+100", "p1 del a@0+100",
             "p1 add a@100+100", "p5 add a@100+100", "p10 add a@100+100",
             "p1 commit", "p5 commit", "p10 commit"],
            log);
    }

    [Fact]
    public void DirtyLogMaskChangeCallsLogStartAndLogStop()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var ram = MemoryRegion.CreateRam("ram", 0x100);
        root.AddSubregion(0, ram);
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        ram.DirtyLogMask = 1;
        Assert.Equal(["l begin", "l nop ram@0+100", "l log_start ram@0+100 0->1", "l commit"], log);
        log.Clear();
        ram.DirtyLogMask = 0;
        Assert.Equal(["l begin", "l nop ram@0+100", "l log_stop ram@0+100 1->0", "l commit"], log);
    }

    [Fact]
    public void TransactionBatchesManyChangesIntoOneUpdate()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        using (system.Transaction())
        {
            root.AddSubregion(0, Io("a", 0x100));
            root.AddSubregion(0x100, Io("b", 0x100));
            Assert.Empty(log);
        }

        Assert.Equal(["l begin", "l add a@0+100", "l add b@100+100", "l commit"], log);
    }

    [Fact]
    public void ChangeOfADisabledRegionDoesNotTriggerAnUpdate()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        var a = Io("a", 0x100);
        a.Enabled = false;
        root.AddSubregion(0, a);
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        a.ReadOnly = true;
        Assert.Empty(log);
    }

    [Fact]
    public void DisposingAnAddressSpaceDeletesRangesForItsListeners()
    {
        var system = new MemorySystem();
        var root = MemoryRegion.CreateContainer("root", 0x10000);
        root.AddSubregion(0, Io("a", 0x100));
        var space = new AddressSpace(system, "as", root);
        var log = new List<string>();
        space.RegisterListener(new RecordingListener(log, "l"));
        log.Clear();
        space.Dispose();
        Assert.Equal(["l begin", "l del a@0+100", "l commit"], log);
        Assert.Empty(system.AddressSpaces);
    }
}
