using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Stagehand.Contracts.Tests;

/// <summary>
/// What users read says what things are, in plain words: the README, docs/, the schemas' descriptions (the generated types'
/// XML docs) and the runtime's XML docs carry none of the project's private shorthand (<see cref="Jargon"/>).
/// </summary>
public sealed class PlainWordsTests
{
    [Theory]
    [InlineData("// D4 cache resolution: the call's setting")]
    [InlineData("What a reader does with members (DECISIONS D5).")]
    [InlineData("the contract drift the seeds' reviewers caught by hand")]
    [InlineData("Seed 001: the public-types test")]
    [InlineData("see UPSTREAM-FACTS I-9")]
    [InlineData("Upstream's name LLM")]
    [InlineData("as §1.4 says")]
    public void JargonIsFound(string text) => Assert.NotEmpty(Jargon.Find(text));

    [Theory]
    [InlineData("a fixed-seed generator")]
    [InlineData("Hashes are seeded per process; a random seed.")]
    [InlineData("<c>±0.d1d2…dn × 10^Scale</c>, a 2D array, ISO-8601")]
    public void PlainWordsAreNotJargon(string text) => Assert.Empty(Jargon.Find(text));

    [Fact]
    public void ReadmeAndDocsSpeakPlainly()
    {
        var files = new[] { Path.Combine(TestRepository.Root, "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(TestRepository.Root, "docs"), "*", SearchOption.AllDirectories));
        AssertPlain(files.Select(path => (path, File.ReadAllText(path))));
    }

    [Fact]
    public void SchemaDescriptionsSpeakPlainly()
    {
        var texts = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(TestRepository.Schemas, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            texts.Add((path, string.Join('\n', Annotations(document.RootElement))));
        }

        Assert.NotEmpty(texts);
        AssertPlain(texts);
    }

    [Fact]
    public void RuntimeXmlDocsSpeakPlainly()
    {
        // The XML docs the IDE shows: the runtime's doc comments and the generated types' docs from the schemas.
        var path = Path.ChangeExtension(typeof(ContractJson).Assembly.Location, ".xml");
        Assert.True(File.Exists(path), "no XML docs at " + path);
        AssertPlain([(path, File.ReadAllText(path))]);
    }

    /// <summary>Every <c>description</c>, <c>title</c> and <c>$comment</c> string in the schema.</summary>
    private static IEnumerable<string> Annotations(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var member in element.EnumerateObject())
            {
                if (member.Value.ValueKind == JsonValueKind.String && member.Name is "description" or "title" or "$comment")
                {
                    yield return member.Value.GetString()!;
                }

                foreach (var text in Annotations(member.Value))
                {
                    yield return text;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var text in Annotations(item))
                {
                    yield return text;
                }
            }
        }
    }

    private static void AssertPlain(IEnumerable<(string Path, string Text)> files)
    {
        var found = files
            .SelectMany(file => Jargon.Find(file.Text).Select(hit => Path.GetRelativePath(TestRepository.Root, file.Path) + " " + hit))
            .ToList();
        Assert.True(found.Count == 0, "project shorthand a reader cannot know:\n" + string.Join('\n', found));
    }
}
