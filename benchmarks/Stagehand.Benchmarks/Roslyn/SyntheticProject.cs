using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Stagehand.Benchmarks.Roslyn;

/// <summary>
/// A synthetic consumer of Stagehand.Contracts: <see cref="TypeCount"/> types in files of 50, a mix of services with
/// method bodies that use contract types, interfaces and abstract generics, mirrored contracts, records, enums and
/// static helpers. It is clean: the analyzers report nothing on it.
/// </summary>
internal static class SyntheticProject
{
    public const int TypeCount = 2000;
    private const int TypesPerFile = 50;

    public static ImmutableArray<SyntaxTree> Parse(CSharpParseOptions options)
    {
        var trees = ImmutableArray.CreateBuilder<SyntaxTree>();
        for (var file = 0; file * TypesPerFile < TypeCount; file++)
        {
            var text = new StringBuilder();
            text.Append("""
                using System;
                using System.Collections.Generic;
                using System.Linq;
                using System.Threading;
                using System.Threading.Tasks;
                using Stagehand.Contracts;
                using Stagehand.Contracts.V3;
                using Stagehand.Contracts.V4;

                """);
            text.Append("namespace Consumer.Area").Append(file.ToString(CultureInfo.InvariantCulture)).Append(";\n\n");
            for (var i = file * TypesPerFile; i < (file + 1) * TypesPerFile && i < TypeCount; i++)
            {
                AppendType(text, i);
            }

            trees.Add(CSharpSyntaxTree.ParseText(text.ToString(), options, path: $"Area{file:D2}.cs", encoding: Encoding.UTF8));
        }

        return trees.ToImmutable();
    }

    private static void AppendType(StringBuilder text, int i)
    {
        var n = i.ToString(CultureInfo.InvariantCulture);
        switch (i % 10)
        {
            case 0:
            case 1:
            case 2:
                text.Append($$"""
                    /// <summary>Service {{n}}.</summary>
                    public sealed class OrderService{{n}}
                    {
                        private readonly List<string> _log = new();

                        /// <summary>Lookups that found a configuration.</summary>
                        public int Hits { get; private set; }

                        /// <summary>Builds an act request.</summary>
                        public ActRequest BuildAct(string instruction, int threshold) =>
                            new ActRequest { Input = instruction, CacheThreshold = threshold > 0 ? threshold : null, StreamResponse = false };

                        /// <summary>Finds a configuration by id.</summary>
                        public LLMConfig? Find(IReadOnlyList<LLMConfig> configs, Guid id)
                        {
                            foreach (var config in configs)
                            {
                                if (config.Id == id)
                                {
                                    Hits++;
                                    return config;
                                }
                            }

                            _log.Add(id.ToString("D"));
                            return null;
                        }

                        /// <summary>Describes a configuration.</summary>
                        public string Describe(LLMConfig config) =>
                            $"{config.ModelName} ({config.Source}) since {config.CreatedAt:O}, {config.DisplayName ?? "unnamed"}";

                        /// <summary>The newest configurations first.</summary>
                        public IEnumerable<string> Newest(IEnumerable<LLMConfig> configs, int count) =>
                            configs.Where(c => c.Source == LLMSource.User).OrderByDescending(c => c.UpdatedAt).Take(count).Select(c => c.ModelName);
                    }


                    """);
                break;
            case 3:
                text.Append($$"""
                    /// <summary>Repository {{n}}.</summary>
                    public interface IConfigRepository{{n}}
                    {
                        /// <summary>Gets a configuration.</summary>
                        Task<LLMConfig?> GetAsync(Guid id, CancellationToken cancellationToken);

                        /// <summary>Lists configurations.</summary>
                        IAsyncEnumerable<LLMConfig> ListAsync(CancellationToken cancellationToken);
                    }


                    """);
                break;
            case 4:
                text.Append($$"""
                    /// <summary>Mirror {{n}}.</summary>
                    [MirrorsContract(typeof(LLMProviderOptions))]
                    public sealed record ProviderOptionsView{{n}}
                    {
                        /// <summary>Temperature.</summary>
                        public double? Temperature { get; init; }

                        /// <summary>Organization.</summary>
                        public string? Organization { get; init; }

                        /// <summary>Project.</summary>
                        public string? Project { get; init; }

                        /// <summary>Location.</summary>
                        public string? Location { get; init; }
                    }


                    """);
                break;
            case 5:
                text.Append($$"""
                    /// <summary>Point {{n}}.</summary>
                    public readonly record struct Point{{n}}(int X, int Y)
                    {
                        /// <summary>Manhattan length.</summary>
                        public int Length => Math.Abs(X) + Math.Abs(Y);

                        /// <summary>Sum of two points.</summary>
                        public static Point{{n}} operator +(Point{{n}} a, Point{{n}} b) => new(a.X + b.X, a.Y + b.Y);
                    }


                    """);
                break;
            case 6:
                text.Append($$"""
                    /// <summary>Factory {{n}}.</summary>
                    public abstract class Factory{{n}}<T>
                        where T : class
                    {
                        private readonly Dictionary<string, T> _cache = new(StringComparer.Ordinal);

                        /// <summary>Creates a value.</summary>
                        protected abstract T Create(string key);

                        /// <summary>Gets or creates a value.</summary>
                        public T Get(string key)
                        {
                            if (!_cache.TryGetValue(key, out var value))
                            {
                                value = Create(key);
                                _cache[key] = value;
                            }

                            return value;
                        }
                    }


                    """);
                break;
            case 7:
                text.Append($$"""
                    /// <summary>Helpers {{n}}.</summary>
                    public static class Helpers{{n}}
                    {
                        /// <summary>Sum of the even values.</summary>
                        public static int SumEven(this IEnumerable<int> values) => values.Where(v => v % 2 == 0).Sum();

                        /// <summary>An act request for an instruction.</summary>
                        public static ActRequest ToAct(this string instruction) => new() { Input = instruction };

                        /// <summary>Whether the list holds a default configuration.</summary>
                        public static bool HasDefault(LLMListResponse response) => response.Data.Llms.Any(c => c.Source == LLMSource.SystemDefault);
                    }


                    """);
                break;
            case 8:
                text.Append($$"""
                    /// <summary>Status {{n}}.</summary>
                    public enum Status{{n}}
                    {
                        /// <summary>New.</summary>
                        New,

                        /// <summary>Running.</summary>
                        Running,

                        /// <summary>Done.</summary>
                        Done,
                    }


                    """);
                break;
            default:
                text.Append($$"""
                    /// <summary>Event {{n}}.</summary>
                    public sealed record Event{{n}}(string Name, DateTimeOffset At, IReadOnlyList<string> Tags)
                    {
                        /// <summary>Whether the event is tagged.</summary>
                        public bool IsTagged(string tag) => Tags.Contains(tag, StringComparer.OrdinalIgnoreCase);

                        /// <summary>The event as a line.</summary>
                        public override string ToString() => $"{At:O} {Name} [{string.Join(",", Tags)}]";
                    }


                    """);
                break;
        }
    }
}
