namespace Nemu.Boards.Tests.Differential;

/// <summary>The generator's promises: a seed fixes the cases, every group is exercised, forms fit the variant.</summary>
public sealed class CaseGeneratorTests
{
    [Fact]
    public void SameSeedGivesTheSameAssembly()
    {
        foreach (var variant in Variant.All)
        {
            Assert.Equal(
                CaseGenerator.Assembly(variant, CaseGenerator.Generate(variant, 11, 300)),
                CaseGenerator.Assembly(variant, CaseGenerator.Generate(variant, 11, 300)));
        }
    }

    [Fact]
    public void ACaseIsTheSameWhateverTheImageSize()
    {
        // The CI sample re-runs the first cases of a recorded seed, so a prefix must not depend on the count.
        var small = CaseGenerator.Generate(Variant.M3, 5, 50);
        var large = CaseGenerator.Generate(Variant.M3, 5, 500);
        Assert.Equal(small.Select(c => c.Describe()), large.Take(50).Select(c => c.Describe()));
    }

    [Fact]
    public void DifferentSeedsAndVariantsGiveDifferentCases()
    {
        Assert.NotEqual(CaseGenerator.Generate(Variant.M3, 1, 20).Select(c => c.Describe()), CaseGenerator.Generate(Variant.M3, 2, 20).Select(c => c.Describe()));
        Assert.NotEqual(CaseGenerator.Generate(Variant.M3, 1, 20)[0].Input.R, CaseGenerator.Generate(Variant.M4, 1, 20)[0].Input.R);
    }

    [Fact]
    public void EveryGroupOfEveryVariantIsGenerated()
    {
        foreach (var variant in Variant.All)
        {
            var seen = CaseGenerator.Generate(variant, 0, VectorFile.CasesPerSeed).Select(c => c.Group).ToHashSet();
            Assert.Equal(CaseGenerator.Groups(variant).Select(g => g.Group).Order(), seen.Order());
        }
    }

    [Fact]
    public void OperandsAreNeverSpLrOrPc()
    {
        foreach (var variant in Variant.All)
        {
            foreach (var instruction in CaseGenerator.Generate(variant, 4, 2000).SelectMany(c => c.Instructions))
            {
                Assert.DoesNotMatch(@"\b(r13|r14|r15|sp|lr|pc)\b", instruction);
            }
        }
    }

    [Fact]
    public void ArmV6MCasesUseOnlyArmV6MForms()
    {
        // No IT, no exclusives, no 32-bit-only mnemonics: the build with -mcpu=cortex-m0 would reject them,
        // and this names the offender without a cross compiler.
        var forbidden = new[] { "it", "ldrex", "strex", "clrex", "sdiv", "udiv", "mla", "ubfx", "ssat", "ldrd", "orn", "movw" };
        foreach (var instruction in CaseGenerator.Generate(Variant.M0, 9, 2000).SelectMany(c => c.Instructions))
        {
            Assert.DoesNotContain(instruction.Split(' ')[0], forbidden);
        }
    }

    [Fact]
    public void FpFormsUseOnlyTheCallerSavedRegisters()
    {
        // d8-d15 (s16-s31) are callee-saved in the AAPCS: the harness neither loads nor prints them.
        foreach (var variant in new[] { Variant.M4, Variant.M7 })
        {
            foreach (var instruction in CaseGenerator.Generate(variant, 6, 2000).SelectMany(c => c.Instructions))
            {
                Assert.DoesNotMatch(@"(?<=[\s,{])(d([89]|1[0-5])|s(1[6-9]|2[0-9]|3[01]))\b", instruction);
            }
        }
    }

    [Fact]
    public void OnlyM7GeneratesDoublePrecisionAndFpv5Forms()
    {
        var fpv5 = new[] { ".f64", "vsel", "vmaxnm", "vminnm", "vrint", "vcvta", "vcvtn", "vcvtp", "vcvtm" };
        foreach (var instruction in CaseGenerator.Generate(Variant.M4, 8, 2000).SelectMany(c => c.Instructions))
        {
            Assert.DoesNotContain(fpv5, f => instruction.Contains(f, StringComparison.Ordinal));
        }

        var m7 = CaseGenerator.Generate(Variant.M7, 8, 2000).SelectMany(c => c.Instructions).ToList();
        Assert.All(fpv5, f => Assert.Contains(m7, i => i.Contains(f, StringComparison.Ordinal)));
    }

    [Fact]
    public void M7InitialDoubleRegistersIncludeSpecialValues()
    {
        var doubles = CaseGenerator.Generate(Variant.M7, 0, 500)
            .SelectMany(c => Enumerable.Range(0, 8).Select(d => ((ulong)c.Input.S[(2 * d) + 1] << 32) | c.Input.S[2 * d]))
            .ToHashSet();
        Assert.Superset(new HashSet<ulong> { 0, 0x8000_0000_0000_0000, 0x7FF0_0000_0000_0000, 0x7FF8_0000_0000_0000, 0x7FF0_0000_0000_0001, 1 }, doubles);
    }

    [Fact]
    public void EdgeValuesAppearInInitialRegisters()
    {
        var values = CaseGenerator.Generate(Variant.M3, 0, 500).SelectMany(c => c.Input.R).ToHashSet();
        Assert.Superset(new HashSet<uint> { 0, 1, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF }, values);
    }

    [Fact]
    public void EveryVariantBuildsWithTheCrossCompiler()
    {
        foreach (var variant in Variant.All)
        {
            Assert.True(File.Exists(FirmwareBuilder.Differential(variant, "build-check", CaseGenerator.Generate(variant, 1234, 1000))));
        }
    }
}
