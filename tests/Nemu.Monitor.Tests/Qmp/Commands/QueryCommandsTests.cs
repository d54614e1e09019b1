using Nemu.Monitor.Qmp.Json;

namespace Nemu.Monitor.Tests.Qmp.Commands;

public sealed class QueryCommandsTests
{
    [Fact]
    public void QueryNameWithoutNameReturnsEmptyObject()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("{}", m.Run("query-name").ToString());
    }

    [Fact]
    public void QueryTargetAndKvmAnswerAsQemuArm()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal(QmpCommandMachine.Canonical("""{"arch": "arm"}"""), QmpCommandMachine.Canonical(m.Run("query-target")));
        Assert.Equal(QmpCommandMachine.Canonical("""{"enabled": false, "present": false}"""), QmpCommandMachine.Canonical(m.Run("query-kvm")));
    }

    [Fact]
    public void QueryCpusFastOnAn385NamesTheArmv7mCpuWithoutProps()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var cpus = (JsonArray)m.Run("query-cpus-fast");
        var cpu = Assert.IsType<JsonObject>(Assert.Single(cpus.Items));
        Assert.Equal(["cpu-index", "qom-path", "thread-id", "target"], cpu.Members.Select(x => x.Key));
        Assert.Equal(new JsonString("/machine/armv7m/cpu"), cpu["qom-path"]);
        Assert.Equal(JsonNumber.FromInt64(0), cpu["cpu-index"]);
        Assert.Equal(new JsonString("arm"), cpu["target"]);
        Assert.True(((JsonNumber)cpu["thread-id"]!).TryGetInt64(out var tid) && tid > 0);
    }

    [Fact]
    public void QueryCpusFastOnAn521ListsBothCores()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an521");
        var cpus = (JsonArray)m.Run("query-cpus-fast");
        Assert.Equal(2, cpus.Count);
        Assert.Equal(JsonNumber.FromInt64(1), ((JsonObject)cpus[1])["cpu-index"]);
        Assert.NotEqual(((JsonObject)cpus[0])["qom-path"], ((JsonObject)cpus[1])["qom-path"]);
    }

    [Fact]
    public void QueryChardevGivesLabelFilenameAndFrontendOpen()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-chardev", "null,id=spare", "-chardev", "null,id=ser", "-serial", "chardev:ser");
        var list = (JsonArray)m.Run("query-chardev");
        var byLabel = list.Items.Cast<JsonObject>().ToDictionary(c => ((JsonString)c["label"]!).Value);
        Assert.Equal(QmpCommandMachine.Canonical("""{"frontend-open": false, "filename": "null", "label": "spare"}"""), QmpCommandMachine.Canonical(byLabel["spare"]));
        Assert.Equal(QmpCommandMachine.Canonical("""{"frontend-open": true, "filename": "null", "label": "ser"}"""), QmpCommandMachine.Canonical(byLabel["ser"]));
    }

    [Fact]
    public void QueryChardevListsQemusDefaultConsolesInItsOrder()
    {
        // No -nographic, no monitor option: serial0, parallel0 and the monitor are vc:80Cx24C; QEMU 7.2 lists the
        // labels compat_monitor0, serial0, parallel0 (created in that order) as below. Only the UART uses serial0.
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        var list = (JsonArray)m.Run("query-chardev");

        Assert.Equal(
            QmpCommandMachine.Canonical("""
                [{"frontend-open": false, "filename": "vc", "label": "parallel0"},
                 {"frontend-open": true, "filename": "vc", "label": "compat_monitor0"},
                 {"frontend-open": true, "filename": "vc", "label": "serial0"}]
                """),
            QmpCommandMachine.Canonical(list));
    }

    [Fact]
    public void QueryChardevWithNodefaultsListsOnlyTheCommandLinesChardevs()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385", "-nodefaults", "-chardev", "null,id=a", "-chardev", "null,id=bb");
        var list = (JsonArray)m.Run("query-chardev");

        Assert.Equal(["a", "bb"], list.Items.Cast<JsonObject>().Select(c => ((JsonString)c["label"]!).Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void QueryPciWithoutPciIsEmpty()
    {
        using var m = new QmpCommandMachine("-M", "mps2-an385");
        Assert.Equal("[]", m.Run("query-pci").ToString());
    }

    [Fact]
    public void QueryPciOnVirtWithEduMatchesQemu()
    {
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults", "-device", "edu");

        // issue7-ref/qmp-virt.txt
        const string Qemu = """[{"bus": 0, "devices": [{"irq_pin": 0, "bus": 0, "qdev_id": "", "slot": 0, "class_info": {"class": 1536, "desc": "Host bridge"}, "id": {"device": 8, "subsystem-vendor": 6900, "vendor": 6966, "subsystem": 4352}, "function": 0, "regions": []}, {"irq_pin": 1, "bus": 0, "qdev_id": "", "irq": 0, "slot": 1, "class_info": {"class": 255}, "id": {"device": 4584, "subsystem-vendor": 6900, "vendor": 4660, "subsystem": 4352}, "function": 0, "regions": [{"prefetch": false, "mem_type_64": false, "bar": 0, "size": 1048576, "address": -1, "type": "memory"}]}]}]""";
        Assert.Equal(QmpCommandMachine.Canonical(Qemu), QmpCommandMachine.Canonical(m.Run("query-pci")));
    }

    [Fact]
    public void QueryPciShowsAnUnconfiguredRootPortAsQemu()
    {
        using var m = new QmpCommandMachine("-M", "virt,highmem=off", "-nodefaults", "-device", "pcie-root-port,id=rp1,chassis=1");

        // issue7-ref/qmp-virt-hotplug.txt (after device_add edu on rp1: the bridge's secondary bus is still 0).
        const string Qemu = """[{"bus": 0, "devices": [{"irq_pin": 0, "bus": 0, "qdev_id": "", "slot": 0, "class_info": {"class": 1536, "desc": "Host bridge"}, "id": {"device": 8, "subsystem-vendor": 6900, "vendor": 6966, "subsystem": 4352}, "function": 0, "regions": []}, {"irq_pin": 1, "bus": 0, "pci_bridge": {"bus": {"prefetchable_range": {"limit": 1048575, "base": 4293918720}, "memory_range": {"limit": 1048575, "base": 4293918720}, "secondary": 0, "io_range": {"limit": 4095, "base": 61440}, "number": 0, "subordinate": 0}}, "qdev_id": "rp1", "irq": 0, "slot": 1, "class_info": {"class": 1540, "desc": "PCI bridge"}, "id": {"device": 12, "vendor": 6966}, "function": 0, "regions": [{"prefetch": false, "mem_type_64": false, "bar": 0, "size": 4096, "address": -1, "type": "memory"}]}]}]""";
        Assert.Equal(QmpCommandMachine.Canonical(Qemu), QmpCommandMachine.Canonical(m.Run("query-pci")));
    }
}
