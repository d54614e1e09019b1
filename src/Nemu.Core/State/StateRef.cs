// Implements: declarative field access for state descriptions without reflection (STYLE.md habit 8).
namespace Nemu.Core.State;

/// <summary>Returns a reference to one field of a plain-data state object, e.g. <c>s =&gt; ref s.Ctrl</c>.</summary>
public delegate ref T StateRef<in TState, T>(TState state);
