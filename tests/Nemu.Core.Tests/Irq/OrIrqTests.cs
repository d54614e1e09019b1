using Nemu.Core.Irq;

namespace Nemu.Core.Tests.Irq;

public sealed class OrIrqTests
{
    [Fact]
    public void OutputIsHighWhileAnyInputIsHigh()
    {
        var gate = new OrIrq("uart-ovf", 3);
        var levels = new List<bool>();
        gate.Output.Connect(levels.Add);

        gate.Inputs[0].Raise();
        gate.Inputs[2].Raise();
        gate.Inputs[0].Lower();
        gate.Inputs[2].Lower();

        Assert.Equal([true, true, true, false], levels);
        Assert.False(gate.Output.Level);
    }

    [Fact]
    public void EveryInputChangeDrivesTheOutputEvenWhenTheOrIsUnchanged()
    {
        var gate = new OrIrq("g", 2);
        var calls = 0;
        gate.Output.Connect(_ => calls++);

        gate.Inputs[1].Lower();
        gate.Inputs[1].Lower();

        Assert.Equal(2, calls);
    }

    [Fact]
    public void DeviceOutputsConnectToGateInputs()
    {
        var gate = new OrIrq("g", 2);
        var uart0 = new IrqLine("uart0-txovr");
        var uart1 = new IrqLine("uart1-txovr");
        uart0.Connect(gate.Inputs[0].Set);
        uart1.Connect(gate.Inputs[1].Set);

        uart1.Raise();

        Assert.True(gate.Output.Level);
        Assert.Equal([false, true], gate.Levels.ToArray());
        Assert.Equal("g[1]", gate.Inputs[1].Name);
    }

    [Fact]
    public void RestoredLevelsFeedTheNextOr()
    {
        var gate = new OrIrq("g", 2);
        gate.RestoreLevels([true, false]);

        gate.Inputs[1].Lower();

        Assert.True(gate.Output.Level);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(49)]
    public void LineCountOutsideOneToMaxLinesIsRejected(int lines)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new OrIrq("g", lines));
    }
}
