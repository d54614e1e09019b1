using Nemu.Core.Irq;

namespace Nemu.Core.Tests.Irq;

public sealed class IrqLineArrayTests
{
    [Fact]
    public void InputsAreNamedByIndexAndTellTheHandlerTheirNumber()
    {
        var seen = new List<(int, bool)>();
        var inputs = IrqLineArray.CreateInputs("nvic-irq", 4, (n, level) => seen.Add((n, level)));

        inputs[3].Raise();
        inputs[0].Pulse();

        Assert.Equal("nvic-irq[3]", inputs[3].Name);
        Assert.Equal([(3, true), (0, true), (0, false)], seen);
    }

    [Fact]
    public void OutputsStartUnconnected()
    {
        var outputs = IrqLineArray.CreateOutputs("gpio-out", 2);

        Assert.All(outputs, o => Assert.False(o.IsConnected));
        outputs[1].Raise();
        Assert.True(outputs[1].Level);
    }

    [Fact]
    public void ConnectAllWiresOutputsToInputsOneToOne()
    {
        var levels = new bool[3];
        var inputs = IrqLineArray.CreateInputs("in", 3, (n, level) => levels[n] = level);
        var outputs = IrqLineArray.CreateOutputs("out", 3);

        IrqLineArray.ConnectAll(outputs, inputs);
        outputs[2].Raise();

        Assert.Equal([false, false, true], levels);
        Assert.Throws<ArgumentException>(() => IrqLineArray.ConnectAll(outputs, inputs[..2]));
    }
}
