// Focused regressions for divergences the differential fuzzer (MemoryApiDifferentialTests) found, each named
// after the rule it checks (pci.md §1.2, §1.3, §1.6).
namespace Nemu.Memory.Tests.Oracle;

public sealed class FuzzRegressionTests
{
    // Fuzz seed 110. QEMU keeps one global "update pending" flag, so del/add in any enabled container re-renders
    // every address space; an AS root's own addr offsets its view (render starts at base 0 + root->addr).
    [Fact]
    public void AddingAnAddressSpaceRootToAnUnmappedContainerRerendersItsView()
    {
        var ram = MemoryRegion.CreateRam("ram", 0x1000);
        var space = new AddressSpace(new MemorySystem(), "as", ram);
        var unmapped = MemoryRegion.CreateContainer("unmapped", 0x10000);
        unmapped.AddSubregion(0x2000, ram);
        Assert.Equal("ram[2000-2fff]@0", Flat.Describe(space));
        ram.Address = 0x4000;
        Assert.Equal("ram[4000-4fff]@0", Flat.Describe(space));
        unmapped.RemoveSubregion(ram);
        ram.RamBlock!.Dispose();
    }
}
