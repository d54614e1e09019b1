using Nemu.Core.Irq;

namespace Nemu.Core.Tests.Irq;

public sealed class SplitIrqTests
{
    [Fact]
    public void InputLevelIsCopiedToEveryOutputInOrder()
    {
        var split = new SplitIrq("exp-irq", 3);
        var trace = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var n = i;
            split.Outputs[i].Connect(level => trace.Add($"{n}:{level}"));
        }

        split.Input.Raise();
        split.Input.Lower();

        Assert.Equal(["0:True", "1:True", "2:True", "0:False", "1:False", "2:False"], trace);
    }

    [Fact]
    public void UnconnectedOutputsStillTrackTheLevel()
    {
        var split = new SplitIrq("s", 2);
        split.Input.Raise();

        Assert.All(split.Outputs, o => Assert.True(o.Level));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void LineCountOutsideOneToMaxLinesIsRejected(int lines)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SplitIrq("s", lines));
    }
}
