namespace Nemu.Cli.Tests.Mprofile;

/// <summary>
/// mprofile.md §9 behaviours of exception entry and return (v6-M/v7-M), each a firmware image in
/// tests/firmware/mprofile run on qemu-system-arm and Nemu.
/// </summary>
public sealed class EntryReturnConformanceTests
{
    [Theory]
    [InlineData("m0")]
    [InlineData("m3")]
    [InlineData("m4")]
    public void B01_StkalignPadsTheFrameAndSetsXpsrBit9(string variant)
    {
        var output = MprofileFirmware.AssertSameAsQemu("b01_stkalign_padding", MprofileVariant.Named(variant));
        Assert.Contains("b01 misalign=00000000 frame_offset=00000020 xpsr_bit9=00000000 sp_restored=00000001", output);
        Assert.Contains("b01 misalign=00000004 frame_offset=00000024 xpsr_bit9=00000001 sp_restored=00000001", output);
    }
}
