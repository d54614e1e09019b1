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
