using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Collections.Immutable;
using CsCheck;

namespace Stagehand.Generators.Tests.Fuzzing;

public sealed class SurveyTemp
{
    [Fact]
    public void Survey()
    {
        var count = int.Parse(Environment.GetEnvironmentVariable("SURVEY") ?? "0");
        if (count == 0) return;
        var byCode = new Dictionary<string, (int Count, string Example)>();
        int generated = 0, problems = 0;
        var msgs = new Dictionary<string, int>();
        SchemaSetGenerator.Sets.Sample((RandomSchemaFile[] set) =>
        {
            var o = GeneratedCodeCompilesTests.Compile(set);
            if (o.GeneratedFiles > 0) generated++;
            if (o.Problems > 0) problems++;
            foreach (var m in o.ProblemMessages.Select(m => Regex.Replace(m, "'[^']*'", "'_'")).Distinct()) { msgs.TryGetValue(m, out var c); msgs[m] = c + 1; }
            foreach (var code in o.Errors.Select(e => Regex.Match(e, @"(CS\d+|threw|generator: \w+)").Value).Distinct())
            {
                byCode.TryGetValue(code, out var entry);
                byCode[code] = (entry.Count + 1, entry.Example ?? string.Join("\n", o.Errors.Where(e => e.Contains(code)).Take(2)));
            }
        }, iter: count, threads: 1, seed: Environment.GetEnvironmentVariable("SURVEY_SEED"));
        using var w = new StreamWriter("/tmp/survey.txt");
        w.WriteLine($"{count} sets, {generated} generated, {problems} with STH0004");
        foreach (var (m, c) in msgs.OrderByDescending(p => p.Value).Take(25)) w.WriteLine($"  {c,5} {m}");
        foreach (var (code, (n, ex)) in byCode.OrderByDescending(p => p.Value.Count))
        {
            w.WriteLine($"==== {code}: {n}\n{ex}\n");
        }
    }
}

public sealed class ReplayTemp
{
    [Fact]
    public void Replay()
    {
        var dir = Environment.GetEnvironmentVariable("REPLAY");
        if (dir is null) return;
        var set = Directory.GetFiles(dir, "*.schema.json").Select(f => new RandomSchemaFile(Path.GetFileName(f), File.ReadAllText(f))).ToArray();
        var files = set.Select(f => new Stagehand.Generators.Tests.Infrastructure.TestAdditionalText("/fuzz/" + f.FileName, f.Text)).ToImmutableArray();
        var r = Stagehand.Generators.Tests.Infrastructure.GeneratorHarness.Run(files, new Stagehand.Generators.Tests.Infrastructure.TestOptionsProvider(new Dictionary<string, string>(), new Dictionary<string, IReadOnlyDictionary<string, string>>()));
        File.WriteAllText("/tmp/replay.txt", string.Join("\n", r.Diagnostics.Select(d => d.ToString())) + "\n" + string.Join("\n", r.GeneratedSources.Select(s => s.HintName)));
    }
}
