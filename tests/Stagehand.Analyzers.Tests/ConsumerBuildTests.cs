using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Stagehand.Analyzers.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Stagehand.Analyzers.Tests;

/// <summary>
/// Builds tests/Stagehand.Analyzers.Consumer for real with <c>dotnet build</c>: the analyzers load in the compiler, read
/// the project's schema files, and report every rule in the file where its deliberate case is.
/// </summary>
public sealed class ConsumerBuildTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(6);

    private readonly ITestOutputHelper _output;

    public ConsumerBuildTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void RealBuildReportsEveryRuleInTheRightFile()
    {
        var artifacts = Path.Combine(Path.GetTempPath(), "stagehand-consumer-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output) = Build(artifacts);
            _output.WriteLine(output);

            Assert.True(exitCode == 0, $"dotnet build exited with {exitCode}:{Environment.NewLine}{output}");
            (string Id, string File)[] expected =
            [
                ("STH0001", "LlmHistory.cs"),
                ("STH0001", "schemas/LLMConfigList.schema.json"),
                ("STH0002", "schemas/InternalLLMConfig.schema.json"),
                ("STH0003", "PublicTypes.cs"),
                ("STH0004", "schemas/Widget.schema.json"),
                ("STH0004", "Widget.cs"),
                ("STH0005", "schemas/ObserveResult.schema.json"),
                ("STH0006", "schemas/LLMConfig.schema.json"),
            ];
            foreach (var (id, file) in expected)
            {
                var pattern = "Stagehand\\.Analyzers\\.Consumer[/\\\\]" + Regex.Escape(file).Replace("/", "[/\\\\]") + "\\(\\d+,\\d+\\): warning " + id + ":";
                Assert.True(Regex.IsMatch(output, pattern), $"{id} was not reported in {file}");
            }

            var reported = Regex.Matches(output, @"\): warning (STH000\d):").Select(m => m.Groups[1].Value).Distinct().Order();
            Assert.Equal(["STH0001", "STH0002", "STH0003", "STH0004", "STH0005", "STH0006"], reported);
        }
        finally
        {
            TryDelete(artifacts);
        }
    }

    private static (int ExitCode, string Output) Build(string artifacts)
    {
        var project = Path.Combine(RepositoryPaths.Consumer, "Stagehand.Analyzers.Consumer.csproj");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Consumer,
        };
        foreach (var argument in new[]
        {
            "build", project,
            "-p:TreatWarningsAsErrors=false",
            // Its own output folders (for the referenced projects too), so it never touches the solution's bin/obj.
            "-p:UseArtifactsOutput=true", "-p:ArtifactsPath=" + artifacts + Path.DirectorySeparatorChar,
            "-nodeReuse:false", "-p:UseSharedCompilation=false", "-clp:NoSummary", "-v:minimal",
        })
        {
            start.ArgumentList.Add(argument);
        }

        // A build started from a test host must not inherit the host's MSBuild settings.
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet build of the consumer did not finish in {Timeout}:{Environment.NewLine}{output}");
        }

        process.WaitForExit();
        lock (output)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
