// QOM objects a board creates that are not qdev devices, e.g. the mps2 machine's `REFCLK`/`SYSCLK` clocks
// (hw/arm/mps2.c clock_new(OBJECT(machine), "SYSCLK") → /machine/SYSCLK, child<clock>). A board registers them
// as a QdevTree service; the QOM view adds each under its parent path after the devices. Such objects list only
// `type` (a clock has no other QOM property). Not modelled: their behaviour (the devices' own clock inputs do it).
namespace Nemu.Qdev.Qom;

/// <summary>Extra QOM children a board declares, by canonical path and QOM type.</summary>
public sealed class QomBoardObjects
{
    private readonly List<(string Path, string TypeName)> _objects = [];

    /// <summary>The declared objects in declaration order.</summary>
    public IReadOnlyList<(string Path, string TypeName)> Objects => _objects;

    /// <summary>The board's registry on <paramref name="tree"/>, registered on first use.</summary>
    public static QomBoardObjects Of(QdevTree tree)
    {
        if (tree.GetService<QomBoardObjects>() is { } existing)
        {
            return existing;
        }

        var created = new QomBoardObjects();
        tree.AddService(created);
        return created;
    }

    /// <summary>Declares an object of type <paramref name="typeName"/> at <paramref name="path"/> (e.g. <c>/machine/SYSCLK</c>).</summary>
    public void Add(string path, string typeName) => _objects.Add((path, typeName));
}
