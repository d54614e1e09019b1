// Implements: the hooks of a register declaration (QEMU register API pre_write/post_write/post_read).
namespace Nemu.Qdev.Registers;

/// <summary>Returns a reference to the state field that holds a register's value, e.g. <c>d =&gt; ref d.State.Ctrl</c>.</summary>
public delegate ref uint RegisterRef<in TOwner>(TOwner owner);

/// <summary>Computes the value a read returns from the stored value (or the reset value for storage-less registers).</summary>
public delegate uint RegisterReadHook<in TOwner>(TOwner owner, uint stored);

/// <summary>Runs after a write was applied: <paramref name="value"/> is the new stored value (the masked written value when there is no storage).</summary>
public delegate void RegisterWriteHook<in TOwner>(TOwner owner, uint value, uint previous);
