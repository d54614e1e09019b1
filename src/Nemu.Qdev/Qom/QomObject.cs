// A node of the QOM composition tree (qom/object.c Object): a type name and an ordered list of properties, the
// first being `type`. Children are `child<T>` properties; the canonical path is the chain of child names from the
// root. Not modelled: property iteration in QEMU's hash-table order (Nemu lists properties in insertion order).
namespace Nemu.Qdev.Qom;

/// <summary>An object in the QOM view: what qom-list/qom-get/qom-set see at a path.</summary>
public sealed class QomObject
{
    private readonly List<QomProperty> _properties = [];

    public QomObject(string typeName)
    {
        TypeName = typeName;
        _properties.Add(QomProperty.String("type", () => TypeName));
    }

    /// <summary>The QOM type, e.g. <c>container</c>, <c>mps2-an385-machine</c>, <c>cmsdk-apb-uart</c>.</summary>
    public string TypeName { get; }

    /// <summary>The object holding this one as a child, null for the root and detached objects.</summary>
    public QomObject? Parent { get; private set; }

    /// <summary>The child property name under <see cref="Parent"/>.</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The canonical path (object_get_canonical_path), <c>/</c> for the root.</summary>
    public string Path => Parent is null ? "/" : Parent.Parent is null ? "/" + Name : Parent.Path + "/" + Name;

    /// <summary>Properties in listing order.</summary>
    public IReadOnlyList<QomProperty> Properties => _properties;

    /// <summary>Adds a property; a name already present is replaced in place.</summary>
    public void Add(QomProperty property)
    {
        var index = _properties.FindIndex(p => p.Name == property.Name);
        if (index >= 0)
        {
            _properties[index] = property;
        }
        else
        {
            _properties.Add(property);
        }
    }

    /// <summary>Adds <paramref name="child"/> as <c>child&lt;TYPE&gt;</c> property <paramref name="name"/>; returns it.</summary>
    public QomObject AddChild(string name, QomObject child)
    {
        child.Parent = this;
        child.Name = name;
        Add(new QomProperty(name, $"child<{child.TypeName}>", () => child.Path) { Child = child });
        return child;
    }

    /// <summary>Takes child <paramref name="name"/> out (object_unparent).</summary>
    public void RemoveChild(string name)
    {
        var index = _properties.FindIndex(p => p.Name == name && p.Child is not null);
        if (index >= 0)
        {
            _properties[index].Child!.Parent = null;
            _properties.RemoveAt(index);
        }
    }

    /// <summary>A <c>link&lt;TYPE&gt;</c> property; its value is the target's path, or "" when unset.</summary>
    public void AddLink(string name, string targetType, Func<QomObject?> target) =>
        Add(new QomProperty(name, $"link<{targetType}>", () => target()?.Path ?? string.Empty) { LinkTarget = target });

    public QomProperty? Find(string name) => _properties.Find(p => p.Name == name);

    /// <summary>The child named <paramref name="name"/>, or the target of the link of that name (path resolution follows both).</summary>
    public QomObject? Follow(string name) => Find(name) is { } p ? p.Child ?? p.LinkTarget?.Invoke() : null;

    /// <summary>qom-get: the value of <paramref name="name"/>.</summary>
    /// <exception cref="QomException">Unknown property (<c>Property 'TYPE.NAME' not found</c>) or one that cannot be read (<c>... is not readable</c>).</exception>
    public object? Get(string name)
    {
        var property = Find(name) ?? throw NotFound(name);
        return property.Getter is { } getter ? getter() : throw new QomException($"Property '{TypeName}.{name}' is not readable");
    }

    /// <summary>qom-set: stores <paramref name="value"/> (bool, long, ulong, string, null).</summary>
    public void Set(string name, object? value)
    {
        var property = Find(name) ?? throw NotFound(name);
        if (property.Setter is not { } setter)
        {
            throw new QomException($"Property '{TypeName}.{name}' is not writable");
        }

        setter(value);
    }

    private QomException NotFound(string name) => new($"Property '{TypeName}.{name}' not found");
}
