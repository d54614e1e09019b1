// Implements: the two option grammars of QEMU 7.2: util/qemu-option.c (QemuOpts) and util/keyval.c.
namespace Nemu.Options.Syntax;

/// <summary>Which QEMU grammar an option argument uses.</summary>
public enum OptionSyntax
{
    /// <summary>
    /// QemuOpts: <c>,,</c> escapes a comma in values (also in the implied value), a bare <c>key</c> means
    /// <c>key=on</c> and <c>nokey</c> means <c>key=off</c> (deprecated, with a warning).
    /// </summary>
    QemuOpts,

    /// <summary>
    /// keyval (used by <c>-machine</c>, <c>-object</c>, <c>-display</c> in 7.2): keys are QAPI names (a letter, then
    /// letters, digits, '-', '_', dotted fragments), a bare key is an error, the implied value ends at the first comma.
    /// </summary>
    Keyval,
}
