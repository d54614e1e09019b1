// -semihosting-config rules (management.md §7.1) and the SYS_GET_CMDLINE line (§7.2).
namespace Nemu.Semihosting.Tests;

public sealed class SemihostingSettingsTests
{
    [Fact]
    public void ArgItemsAreJoinedBySpaces()
    {
        Assert.Equal("semi.elf foo bar", SemihostingSettings.BuildCommandLine(["semi.elf", "foo", "bar"], "/tmp/x/fw/semi.elf", "ignored"));
    }

    [Fact]
    public void WithoutArgsTheKernelPathAndAppendAreUsed()
    {
        Assert.Equal("/tmp/x/fw/semi.elf", SemihostingSettings.BuildCommandLine([], "/tmp/x/fw/semi.elf", null));
        Assert.Equal("/tmp/x/fw/semi.elf a b", SemihostingSettings.BuildCommandLine([], "/tmp/x/fw/semi.elf", "a b"));
        Assert.Null(SemihostingSettings.BuildCommandLine([], null, null));
    }

    [Fact]
    public void UnprivilegedCallsNeedUserspaceOn()
    {
        var settings = new SemihostingSettings(true, false, SemihostingBackend.Native, null, null);
        Assert.True(settings.AppliesTo(privileged: true));
        Assert.False(settings.AppliesTo(privileged: false));
        Assert.True((settings with { UserspaceEnabled = true }).AppliesTo(privileged: false));
        Assert.False(SemihostingSettings.Disabled.AppliesTo(privileged: true));
    }

    [Fact]
    public void OpenModeTableFollowsFopenOrder()
    {
        Assert.Equal(["r", "rb", "r+", "r+b", "w", "wb", "w+", "w+b", "a", "ab", "a+", "a+b"], SemihostingOpenMode.All.Select(m => m.Fopen));
        Assert.Equal(0, SemihostingOpenMode.All[0].HostFlags);
        Assert.Equal(2, SemihostingOpenMode.All[2].HostFlags);
        Assert.Equal(0x241, SemihostingOpenMode.All[4].HostFlags);
        Assert.Equal(0x242, SemihostingOpenMode.All[6].HostFlags);
        Assert.Equal(0x41, SemihostingOpenMode.All[8].HostFlags);
        Assert.Equal(0x42, SemihostingOpenMode.All[10].HostFlags);
    }
}
