namespace Nemu.Gdbstub.Tests;

/// <summary>Placeholder until the protocol pieces land: the stub's type is public.</summary>
public sealed class GdbStubStartTests
{
    [Fact]
    public void GdbStubTypeIsPublic() => Assert.True(typeof(GdbStub).IsPublic);
}
