// Implements: management.md §4.3 subsections: a description sent only when its "needed" predicate holds.
namespace Nemu.Core.State;

/// <summary>A subsection of a description over the same state object, and when it is sent.</summary>
internal sealed record StateSubsection<TState>(StateDescription<TState> Description, Func<TState, bool> Needed)
    where TState : class;
