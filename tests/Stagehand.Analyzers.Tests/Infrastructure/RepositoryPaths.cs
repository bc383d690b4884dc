using System;
using System.IO;

namespace Stagehand.Analyzers.Tests.Infrastructure;

/// <summary>Finds the repository's folders from wherever the tests run.</summary>
internal static class RepositoryPaths
{
    public static string Root => TestRepository.Root;

    public static string Schemas => Path.Combine(Root, "schemas");

    public static string Docs => Path.Combine(Root, "docs");

    public static string AnalyzersSource => Path.Combine(Root, "src", "Stagehand.Analyzers");

    public static string Consumer => Path.Combine(Root, "tests", "Stagehand.Analyzers.Consumer");

    public static string ReadSchema(string relativePath) => File.ReadAllText(Path.Combine(Schemas, relativePath));
}
