using Nemu.Core.Irq;
using Nemu.Qdev;

namespace Nemu.System.Tests.Qtest;

/// <summary>A device with four unnamed inputs (levels recorded), a named input and two unnamed outputs, for interception tests.</summary>
internal sealed class QtestIrqTestDevice : Device
{
    public static readonly DeviceType TypeInfo = DeviceType.Define("qtest-irq-test", () => new QtestIrqTestDevice()).Build();

    public QtestIrqTestDevice()
    {
        InitGpioIn(null, 4, (n, level) => Levels[n] = level);
        InitGpioIn("named", 1, (_, level) => Named = level);
        Outputs = InitGpioOut(null, 2);
    }

    public bool[] Levels { get; } = new bool[4];

    public bool Named { get; private set; }

    public IrqLine[] Outputs { get; }
}
