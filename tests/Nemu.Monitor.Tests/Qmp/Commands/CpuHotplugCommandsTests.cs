using Nemu.Monitor.Qmp.Commands;
using Nemu.Monitor.Qmp.Schema;

namespace Nemu.Monitor.Tests.Qmp.Commands;

public sealed class CpuHotplugCommandsTests
{
    [Theory]
    [InlineData("mps2-an385")]
    [InlineData("virt,highmem=off")]
    public void QueryHotpluggableCpusIsNotEnabledOnTheseBoards(string board)
    {
        using var m = new QmpCommandMachine("-M", board, "-nodefaults");
        var error = m.Fail("query-hotpluggable-cpus", "{}");
        Assert.Equal(QmpErrorClass.GenericError, error.ErrorClass);
        Assert.Equal("The feature 'query-hotpluggable-cpus' is not enabled", error.Message);
    }

    [Fact]
    public void SchemaDeclaresQemusHotpluggableCpuType()
    {
        var command = Assert.Single(QmpCommandTable.All, c => c.Name == "query-hotpluggable-cpus");
        var element = Assert.IsType<QmpObjectType>(Assert.IsType<QmpArrayType>(command.Returns).Element);
        Assert.Equal(["type", "vcpus-count", "props", "qom-path"], element.Members.Select(mb => mb.Name));
        var props = Assert.IsType<QmpObjectType>(element.Members[2].Type);
        Assert.Equal(["node-id", "socket-id", "die-id", "cluster-id", "core-id", "thread-id"], props.Members.Select(mb => mb.Name));
        Assert.All(props.Members, mb => Assert.True(mb.Optional));
    }
}
