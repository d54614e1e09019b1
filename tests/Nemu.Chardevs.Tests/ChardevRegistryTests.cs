// The registry's listing order is QEMU 7.2's for query-chardev / info chardev (recorded with qemu-system-arm 7.2 on
// -M none -nodefaults -qmp stdio -chardev null,id=c0 ... c9, then chardev-remove and chardev-add over QMP).
using Nemu.Chardevs.Backends;
using Nemu.Chardevs.Tests.TestSupport;

namespace Nemu.Chardevs.Tests;

public sealed class ChardevRegistryTests : IDisposable
{
    private readonly TestMainLoop _loop = new();
    private readonly ChardevRegistry _registry = new();

    [Fact]
    public void ListingOrderIsQemusHashTableOrderReversed()
    {
        Add("compat_monitor0 c0 c1 c2 c3 c4 c5 c6 c7 c8 c9");

        Assert.Equal("c4 c5 c7 c6 c0 c1 compat_monitor0 c8 c2 c9 c3".Split(' '), _registry.ListingOrder.Select(c => c.Id));
        Assert.Equal("compat_monitor0 c0 c1 c2 c3 c4 c5 c6 c7 c8 c9".Split(' '), _registry.All.Select(c => c.Id));
    }

    [Fact]
    public void RemovedChardevsLeaveSlotsThatLaterOnesReuse()
    {
        Add("compat_monitor0 c0 c1 c2 c3 c4 c5 c6 c7 c8 c9");
        Assert.True(_registry.Remove("c3"));
        Assert.True(_registry.Remove("c5"));
        Add("n1 n2");

        Assert.Equal("c4 n2 n1 c7 c6 c0 c1 compat_monitor0 c8 c2 c9".Split(' '), _registry.ListingOrder.Select(c => c.Id));
    }

    public void Dispose()
    {
        _registry.Dispose();
        _loop.Dispose();
    }

    private void Add(string labels)
    {
        foreach (var label in labels.Split(' '))
        {
            _registry.Add(new NullChardev(label, _loop));
        }
    }
}
