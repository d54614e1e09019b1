using Nemu.Chardevs;
using Nemu.Qdev;

namespace Nemu.System;

/// <summary>Lets qdev check <c>chardev=</c> properties against the machine's chardevs.</summary>
internal sealed class ChardevResolver(ChardevRegistry chardevs) : IChardevResolver
{
    public bool Exists(string id) => chardevs.Contains(id);
}
