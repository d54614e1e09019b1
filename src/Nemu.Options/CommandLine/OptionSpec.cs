// Implements: one row of QEMU's option table (qemu-options.hx DEF(...) / QEMUOption in system/vl.c).
using Nemu.Options.Syntax;

namespace Nemu.Options.CommandLine;

/// <summary>A command-line option: its canonical name (without dash), whether it takes an argument, its group.</summary>
/// <param name="Name">Canonical name, e.g. <c>machine</c> (also matched by aliases).</param>
/// <param name="HasArgument">True when the next argv element is the argument, whatever it looks like.</param>
/// <param name="Group">The group its argument is parsed with, or null for a plain string.</param>
/// <param name="Summary">The usage synopsis and one-line help shown by <c>-h</c>.</param>
public sealed record OptionSpec(string Name, bool HasArgument, OptionGroup? Group, string Summary);
