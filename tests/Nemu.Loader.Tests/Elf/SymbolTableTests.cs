using Nemu.Loader.Elf;

namespace Nemu.Loader.Tests.Elf;

public sealed class SymbolTableTests
{
    [Fact]
    public void ZeroSizeSymbolExtendsToTheNextSymbol()
    {
        var table = new SymbolTable([new("reset_handler", 0x40, 0), new("main", 0x80, 0x20), new("tail", 0x100, 0)]);
        Assert.Equal("reset_handler", table.Lookup(0x40));
        Assert.Equal("reset_handler", table.Lookup(0x7E));
        Assert.Equal("main", table.Lookup(0x80));
        Assert.Null(table.Lookup(0xA0));
    }

    [Fact]
    public void LastZeroSizeSymbolNeverMatches()
    {
        var table = new SymbolTable([new("main", 0x80, 0x20), new("tail", 0x100, 0)]);
        Assert.Null(table.Lookup(0x100));
        Assert.Single(table.Symbols);
    }

    [Fact]
    public void SizedSymbolIsFoundByContainment()
    {
        var table = new SymbolTable([new("b", 0x200, 8), new("a", 0x100, 0x10)]);
        Assert.Equal("a", table.Lookup(0x10F));
        Assert.Null(table.Lookup(0x110));
        Assert.Equal("b", table.Lookup(0x207));
    }
}
