// Seeded random instruction-sequence generator for the differential firmware (issue 3). For a variant and a
// seed it makes N cases, each an initial state (registers with edge values 0, 1, 0x7fffffff, 0x80000000,
// 0xffffffff..., random NZCVQ/GE flags, scratch memory, FP registers and FPSCR) and 1-4 instructions of one
// group (m7 adds the double-precision group "fpd" and the FPv5 group "fpv5"); Assembly() turns them into the
// case file tests/firmware/diff/harness.h describes. The same seed gives the same cases forever (Version names
// the generator; recorded vectors carry it; adding a variant must leave the others' cases alone). Exclusions, by
// construction: SP/LR/PC operands, branches and PC-relative forms (results would depend on the layout),
// system instructions, every UNPREDICTABLE register combination listed in the form files.
using System.Globalization;
using System.Text;

namespace Nemu.Boards.Tests.Differential;

/// <summary>Generates differential cases and their assembly file.</summary>
public static class CaseGenerator
{
    /// <summary>Bumped whenever a seed would produce different cases; recorded vectors must match it.</summary>
    public const int Version = 1;

    private static readonly uint[] EdgeValues = [0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 0xFFFF_FFFE, 0x8000_0001, 0x0000_FFFF, 0xFFFF_8000];

    /// <summary>The groups of each variant, with weights.</summary>
    public static IReadOnlyList<(string Group, int Weight)> Groups(Variant variant) => variant.Name switch
    {
        "m0" => [("alu", 7), ("mem", 3)],
        "m3" => [("alu", 4), ("shift", 2), ("muldiv", 2), ("sat", 1), ("bitfield", 1), ("bits", 1), ("mem", 3), ("excl", 1), ("it", 2)],
        "m4" => [("alu", 3), ("shift", 1), ("muldiv", 2), ("sat", 1), ("bitfield", 1), ("bits", 1), ("mem", 2), ("excl", 1), ("it", 2),
              ("dspsat", 1), ("simd", 2), ("dspmul", 2), ("fp", 5)],
        _ => [("alu", 3), ("shift", 1), ("muldiv", 2), ("sat", 1), ("bitfield", 1), ("bits", 1), ("mem", 2), ("excl", 1), ("it", 2),
              ("dspsat", 1), ("simd", 2), ("dspmul", 2), ("fp", 4), ("fpd", 5), ("fpv5", 4)],
    };

    public static IReadOnlyList<GeneratedCase> Generate(Variant variant, int seed, int count)
    {
        var variantIndex = (ulong)Variant.All.ToList().IndexOf(variant);
        var rng = new DeterministicRandom(((ulong)Version << 48) ^ (variantIndex << 32) ^ (uint)seed);
        var groups = Groups(variant);
        var totalWeight = groups.Sum(g => g.Weight);
        var cases = new List<GeneratedCase>(count);
        for (var i = 0; i < count; i++)
        {
            var pick = rng.Below(totalWeight);
            var group = groups.First(g => (pick -= g.Weight) < 0).Group;
            var state = InitialState(rng, variant);
            var context = new FormContext(rng, variant, state);
            cases.Add(new GeneratedCase(variant, seed, i, group, Instructions(context, group), state));
        }

        return cases;
    }

    private static CaseState InitialState(DeterministicRandom rng, Variant variant)
    {
        var state = new CaseState();
        for (var r = 0; r < CaseState.Registers; r++)
        {
            state.R[r] = rng.Below(10) switch
            {
                < 3 => rng.Pick(EdgeValues),
                < 5 => (uint)rng.Below(65),
                _ => rng.Next32(),
            };
        }

        state.Apsr = rng.Next32() & variant.ApsrMask;
        for (var m = 0; m < CaseState.ScratchWords; m++)
        {
            state.Scratch[m] = rng.Next32();
        }

        if (variant.HasFp)
        {
            if (variant.HasFpV5)
            {
                DoubleForms.Initialise(rng, state);
            }
            else
            {
                for (var s = 0; s < CaseState.FpRegisters; s++)
                {
                    state.S[s] = FloatForms.Value(rng);
                }
            }

            state.Fpscr = FloatForms.Fpscr(rng);
        }

        return state;
    }

    private static List<string> Instructions(FormContext c, string group)
    {
        var rng = c.Rng;
        var count = rng.Between(1, 4);
        var list = new List<string>();
        switch (group)
        {
            case "mem":
                var memory = new MemoryForms(c);
                for (var i = 0; i < count; i++)
                {
                    list.Add(memory.Next());
                }

                return list;
            case "excl":
                list.AddRange(new MemoryForms(c).Exclusive());
                return list;
            case "it":
                return ItBlock(c, count);
            case "fp":
                for (var i = 0; i < count; i++)
                {
                    list.AddRange(FloatForms.Next(c));
                }

                return list;
            case "fpd":
                for (var i = 0; i < count; i++)
                {
                    list.AddRange(DoubleForms.Next(c));
                }

                return list;
            case "fpv5":
                for (var i = 0; i < count; i++)
                {
                    list.Add(Fpv5Forms.Next(c));
                }

                return list;
            default:
                for (var i = 0; i < count; i++)
                {
                    list.Add(Single(c, group));
                }

                return list;
        }
    }

    private static string Single(FormContext c, string group) => (c.Variant.IsV7, group) switch
    {
        (false, _) => ThumbOneForms.Alu(c),
        (_, "alu") => IntegerForms.DataProcessing(c),
        (_, "shift") => IntegerForms.Shift(c),
        (_, "muldiv") => IntegerForms.MultiplyDivide(c),
        (_, "sat") => IntegerForms.Saturate(c),
        (_, "bitfield") => IntegerForms.Bitfield(c),
        (_, "bits") => IntegerForms.BitsAndExtends(c),
        (_, "dspsat") => DspForms.Saturating(c),
        (_, "simd") => DspForms.Simd(c),
        (_, "dspmul") => DspForms.Multiply(c),
        _ => throw new ArgumentException("unknown group " + group, nameof(group)),
    };

    private static readonly string[] Conditions = ["eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"];
    private static readonly string[] ItGroups = ["alu", "alu", "shift", "muldiv", "bits", "sat"];

    /// <summary>IT with a random condition (never AL, whose "else" slots are UNPREDICTABLE) over 1-4 instructions.</summary>
    private static List<string> ItBlock(FormContext c, int count)
    {
        var rng = c.Rng;
        var index = rng.Below(Conditions.Length);
        var inverse = index ^ 1;
        var pattern = new StringBuilder();
        var list = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var then = i == 0 || rng.Chance(50);
            if (i > 0)
            {
                pattern.Append(then ? 't' : 'e');
            }

            c.Cond = Conditions[then ? index : inverse];
            var groups = c.Variant.HasDsp ? [.. ItGroups, "simd", "dspmul"] : ItGroups;
            list.Add(Single(c, rng.Pick(groups)));
        }

        c.Cond = string.Empty;
        list.Insert(0, $"it{pattern} {Conditions[index]}");
        return list;
    }

    /// <summary>The case file: input blocks, case functions (prologue, diff_load, instructions, diff_save) and tables.</summary>
    public static string Assembly(Variant variant, IReadOnlyList<GeneratedCase> cases)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"@ Generated by CaseGenerator v{Version}: variant {variant.Name} ({variant.Architecture}), {cases.Count} cases.\n");
        text.Append("    .syntax unified\n    .thumb\n");
        foreach (var c in cases)
        {
            text.Append(CultureInfo.InvariantCulture, $"\n    .section .rodata.in_{c.Index}, \"a\"\n    .align 2\nin_{c.Index}:\n");
            var words = c.Input.Words(variant.HasFp).Select(w => "0x" + w.ToString("x8", CultureInfo.InvariantCulture)).ToList();
            for (var i = 0; i < words.Count; i += 8)
            {
                text.Append("    .word ").AppendJoin(", ", words.Skip(i).Take(8)).Append('\n');
            }

            text.Append(CultureInfo.InvariantCulture, $"    .section .text.case_{c.Index}, \"ax\"\n    .align 1\n    .thumb_func\ncase_{c.Index}:\n");
            text.Append("    push {r4-r7, lr}\n    mov r4, r8\n    mov r5, r9\n    mov r6, r10\n    mov r7, r11\n    push {r3-r7}\n");
            text.Append(CultureInfo.InvariantCulture, $"    ldr r0, =in_{c.Index}\n    bl diff_load\n");
            foreach (var instruction in c.Instructions)
            {
                text.Append("    ").Append(instruction).Append('\n');
            }

            text.Append("    bl diff_save\n    pop {r3-r7}\n    mov r8, r4\n    mov r9, r5\n    mov r10, r6\n    mov r11, r7\n    pop {r4-r7, pc}\n    .pool\n");
        }

        text.Append("\n    .section .rodata.diff_tables, \"a\"\n    .align 2\n    .global diff_case_count\ndiff_case_count:\n");
        text.Append(CultureInfo.InvariantCulture, $"    .word {cases.Count}\n    .global diff_cases\ndiff_cases:\n");
        foreach (var c in cases)
        {
            text.Append(CultureInfo.InvariantCulture, $"    .word case_{c.Index}\n");
        }

        return text.ToString();
    }
}
