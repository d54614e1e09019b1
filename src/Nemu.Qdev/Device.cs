// Implements: QEMU's DeviceState lifecycle (hw/core/qdev.c): create -> set properties -> realize ->
// reset -> unrealize; properties refused after realize (qdev_prop_set_after_realize wording); named GPIO
// lines (qdev_init_gpio_in/out_named); cold reset = state description reset values, then the device hook.
// Not modelled: hotplug, the resettable three-phase protocol, QOM child properties, clocks.
using System.Text;
using Nemu.Core.Irq;
using Nemu.Core.State;
using Nemu.Qdev.Properties;

namespace Nemu.Qdev;

/// <summary>
/// Base of every device model. A device is made by its <see cref="DeviceType"/>'s factory, configured
/// through properties, then realized; its migratable state is a plain-data object described by a
/// <see cref="StateDescription{TState}"/> registered with <see cref="InitState{TState}"/>.
/// </summary>
public abstract class Device
{
    /// <summary>QEMU's TYPE_DEVICE, the abstract root type.</summary>
    public const string TypeName = "device";

    private readonly List<NamedGpioList> _gpios = [];
    private readonly List<Bus> _childBuses = [];
    private DeviceType? _type;

    /// <summary>The type this device was made from.</summary>
    public DeviceType Type => _type ?? throw new InvalidOperationException("device was not created through a DeviceType");

    /// <summary>The user id (<c>-device …,id=x</c>), or null for an anonymous device.</summary>
    public string? Id { get; internal set; }

    /// <summary>The canonical QOM path, e.g. <c>/machine/peripheral/x</c> or <c>/machine/unattached/device[3]</c>.</summary>
    public string? Path { get; internal set; }

    /// <summary>The bus the device is plugged into, if any.</summary>
    public Bus? ParentBus { get; internal set; }

    /// <summary>Buses this device provides (an I2C controller's <c>i2c</c> bus…).</summary>
    public IReadOnlyList<Bus> ChildBuses => _childBuses;

    /// <summary>GPIO lists in <c>info qtree</c> order (most recently named first, as QEMU's list head insert).</summary>
    public IReadOnlyList<NamedGpioList> Gpios => _gpios;

    public bool IsRealized { get; private set; }

    /// <summary>The device's migratable state, or null for a stateless device.</summary>
    public StateBinding? VmState { get; private set; }

    internal QdevTree? Tree { get; set; }

    /// <summary>A machine service from the tree this device belongs to; a <see cref="QdevException"/> when absent.</summary>
    protected T GetService<T>()
        where T : class =>
        Tree?.GetService<T>() ?? throw new QdevException($"{Type.Name}: this machine does not provide {typeof(T).Name}");

    internal void AttachType(DeviceType type) => _type = type;

    /// <summary>Sets a property from text, as <c>-device</c> does (<see cref="PropertySource.Device"/> wording).</summary>
    public void SetProperty(string name, string value) => SetProperty(name, value, PropertySource.Device);

    /// <summary>Sets a property from text; errors use the wording of <paramref name="source"/>.</summary>
    public void SetProperty(string name, string value, PropertySource source)
    {
        var property = Type.FindProperty(name) ?? throw new QdevException($"Property '{Type.Name}.{name}' not found");
        if (IsRealized)
        {
            throw new QdevException(Id is not null
                ? $"Attempt to set property '{name}' on device '{Id}' (type '{Type.Name}') after it was realized"
                : $"Attempt to set property '{name}' on anonymous device (type '{Type.Name}') after it was realized");
        }

        switch (property.TrySet(this, value, Tree?.Chardevs, source, out var expects))
        {
            case ParseOutcome.Ok:
                return;
            case ParseOutcome.NotFound:
                throw new QdevException($"Property '{Type.Name}.{name}' can't find value '{value}'");
            default:
                throw new QdevException($"Parameter '{name}' expects {expects}");
        }
    }

    /// <summary>The property's value as <c>info qtree</c> prints it (null when that kind is not printed).</summary>
    public string? PrintProperty(string name) =>
        (Type.FindProperty(name) ?? throw new QdevException($"Property '{Type.Name}.{name}' not found")).Print(this);

    /// <summary>Realizes the device (QEMU's realize): checks configuration and builds what needs properties.</summary>
    /// <exception cref="QdevException">The configuration is unusable; the message is the error to show.</exception>
    public void Realize()
    {
        if (IsRealized)
        {
            return;
        }

        OnRealize();
        IsRealized = true;
    }

    /// <summary>Cold reset: the state description's reset values, then <see cref="OnReset"/>.</summary>
    public void Reset()
    {
        VmState?.Reset();
        OnReset();
    }

    /// <summary>Undoes <see cref="Realize"/>.</summary>
    public void Unrealize()
    {
        if (!IsRealized)
        {
            return;
        }

        OnUnrealize();
        IsRealized = false;
    }

    /// <summary>The input line <paramref name="n"/> of the GPIO list <paramref name="name"/> (null: unnamed).</summary>
    public IrqLine GetGpioIn(string? name, int n) => FindGpio(name)?.Inputs is { } list && n < list.Count
        ? list[n]
        : throw new ArgumentOutOfRangeException(nameof(n), $"{Type.Name} has no gpio-in \"{name}\" {n}");

    /// <summary>The output line <paramref name="n"/> of the GPIO list <paramref name="name"/>.</summary>
    public IrqLine GetGpioOut(string? name, int n) => FindGpio(name)?.Outputs is { } list && n < list.Count
        ? list[n]
        : throw new ArgumentOutOfRangeException(nameof(n), $"{Type.Name} has no gpio-out \"{name}\" {n}");

    /// <summary>Wires output <paramref name="n"/> of <paramref name="name"/> to <paramref name="sink"/> (null disconnects).</summary>
    public void ConnectGpioOut(string? name, int n, IrqLine? sink) =>
        GetGpioOut(name, n).Connect(sink is null ? null : sink.Set);

    /// <summary>Declares <paramref name="count"/> inputs; <paramref name="handler"/> gets (line index, level).</summary>
    protected IrqLine[] InitGpioIn(string? name, int count, Action<int, bool> handler)
    {
        var list = GetOrAddGpio(name);
        var lines = new IrqLine[count];
        for (var i = 0; i < count; i++)
        {
            var index = list.Inputs.Count;
            lines[i] = new IrqLine($"{name ?? string.Empty}[{index}]", level => handler(index, level));
            list.Inputs.Add(lines[i]);
        }

        return lines;
    }

    /// <summary>Declares <paramref name="count"/> outputs, unconnected until the board wires them.</summary>
    protected IrqLine[] InitGpioOut(string? name, int count)
    {
        var list = GetOrAddGpio(name);
        var lines = new IrqLine[count];
        for (var i = 0; i < count; i++)
        {
            lines[i] = new IrqLine($"{name ?? string.Empty}[{list.Outputs.Count}]");
            list.Outputs.Add(lines[i]);
        }

        return lines;
    }

    /// <summary>Registers the device's migratable state and its description (QEMU's dc->vmsd).</summary>
    protected void InitState<TState>(StateDescription<TState> description, TState state)
        where TState : class => VmState = description.Bind(state);

    /// <summary>Creates a bus provided by this device (e.g. an I2C controller's <c>i2c</c>).</summary>
    protected Bus CreateChildBus(string name, string typeName)
    {
        var bus = new Bus(name, typeName, this);
        _childBuses.Add(bus);
        return bus;
    }

    /// <summary>Realize hook; throw <see cref="QdevException"/> with QEMU's message on a bad configuration.</summary>
    protected virtual void OnRealize()
    {
    }

    /// <summary>Reset hook, run after the state description restored its reset values.</summary>
    protected virtual void OnReset()
    {
    }

    protected virtual void OnUnrealize()
    {
    }

    /// <summary>Bus-specific qtree lines (QEMU's BusClass print_dev), e.g. sysbus <c>mmio</c> lines.</summary>
    protected internal virtual void PrintBusInfo(StringBuilder output, int indent)
    {
    }

    /// <summary>
    /// The memory regions the device owns that are not reachable from another one it owns (its MMIO regions, BARs,
    /// bus-master container). The QOM view lists these and their subregions owned by the device as the device's
    /// <c>child&lt;memory-region&gt;</c> children <c>NAME[N]</c> (memory_region_init with an owner).
    /// </summary>
    public virtual IEnumerable<Memory.MemoryRegion> OwnedMemoryRegionRoots => [];

    /// <summary>Extra object properties listed by <c>-device TYPE,help</c> (sysbus IRQ links, MMIO children).</summary>
    protected internal virtual IEnumerable<string> ExtraHelpLines() => [];

    private NamedGpioList? FindGpio(string? name) => _gpios.Find(g => g.Name == name);

    private NamedGpioList GetOrAddGpio(string? name)
    {
        if (FindGpio(name) is { } existing)
        {
            return existing;
        }

        var list = new NamedGpioList(name);
        _gpios.Insert(0, list);
        return list;
    }
}
