// Implements: typed, reflection-free access from a qdev property to the device field it configures.
namespace Nemu.Qdev.Properties;

/// <summary>Returns a reference to the device field behind a property, e.g. <c>d =&gt; ref d._pclkFrq</c>.</summary>
public delegate ref T PropertyRef<in TDevice, T>(TDevice device);
