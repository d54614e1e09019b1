namespace Nemu.Cli.Tests;

/// <summary>
/// Thousands of generated hostile command lines through the whole start-up sequence (parser, objects, RAM,
/// chardevs, devices, loaders, reset): each either starts or fails with a clear error on stderr, exit 1;
/// nothing throws.
/// </summary>
public sealed class CommandLineCorpusTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("nemu-corpus-").FullName;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void HostileCommandLinesGiveCleanErrors(int batch)
    {
        var image = Path.Combine(_dir, "image.bin");
        File.WriteAllBytes(image, [0x7f, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1, 0, 0, 0, 0, 0]);
        var corpus = new CommandLineCorpus(batch * 7919, _dir);
        var failures = 0;
        for (var n = 0; n < 1000; n++)
        {
            var args = corpus.Next(image, Path.Combine(_dir, "log"));
            (int ExitCode, string Out, string Error) result;
            try
            {
                result = InProcessVl.Run(args);
            }
            catch (Exception e)
            {
                Assert.Fail($"case {batch}/{n} `{string.Join(' ', args)}` threw {e}");
                return;
            }

            if (result.ExitCode != 0)
            {
                failures++;
                var first = result.Error.Split('\n')[0];
                Assert.True(
                    result.Error.Length > 0 ? first.StartsWith("nemu-system-arm: ", StringComparison.Ordinal) && first.Length > "nemu-system-arm: ".Length : result.Out.Length > 0,
                    $"case {batch}/{n} `{string.Join(' ', args)}` exit {result.ExitCode} without a clear error: '{result.Error}'");
                Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
            }
        }

        Assert.True(failures > 100, $"only {failures} of 1000 cases failed: the corpus is not hostile enough");
        Assert.True(failures < 900, $"{failures} of 1000 cases failed: too few reach the machine");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
