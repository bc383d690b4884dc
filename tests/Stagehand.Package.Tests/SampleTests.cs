using System;
using System.IO;

namespace Stagehand.Package.Tests;

/// <summary>The sample in <c>samples/</c> builds, shows its deliberate drift as STH0003, and runs.</summary>
public sealed class SampleTests
{
    [Fact]
    public void SampleBuildsReportsItsDriftAndRuns()
    {
        var work = Path.Combine(Path.GetTempPath(), "stagehand-sample-" + Guid.NewGuid().ToString("N"));
        var sample = Path.Combine(Repository.CopyTo(work, "schemas", "src", "samples"), "samples", "Stagehand.Sample");
        var output = Path.Combine(work, "out");
        try
        {
            var build = DotNet.Run(sample, TimeSpan.FromMinutes(8), "build", "-c", "Release", "-o", output);
            Assert.True(build.ExitCode == 0, "the sample did not build:\n" + build.Output);
            Assert.Contains("LegacyActOptions.cs", build.Output, StringComparison.Ordinal);
            Assert.Contains("warning STH0003", build.Output, StringComparison.Ordinal);

            var run = DotNet.Run(sample, TimeSpan.FromMinutes(2), Path.Combine(output, "Stagehand.Sample.dll"));
            Assert.True(run.ExitCode == 0, "the sample failed:\n" + run.Output);
            Assert.Contains("""act request: {"input":"click the sign-in button","options":{"model":"openai/gpt-4.1-nano"},"cacheThreshold":3}""", run.Output, StringComparison.Ordinal);
            Assert.Contains("/id readOnly: This member is assigned by the server and cannot be set.", run.Output, StringComparison.Ordinal);
            Assert.Contains("/url format:", run.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (Directory.Exists(work))
            {
                Directory.Delete(work, recursive: true);
            }
        }
    }
}
