using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Stagehand.Contracts.V3;
using V3Action = Stagehand.Contracts.V3.Action;

namespace Stagehand.Contracts.Tests.Contracts;

public sealed class ObserveOutcomeTests
{
    private static readonly V3Action Button = new() { Selector = "xpath=/html/body/button", Description = "submit" };

    [Fact]
    public void ObserveOutcome_is_a_record_holding_actions_and_cache_status_not_an_array()
    {
        System.Type type = typeof(ObserveOutcome);

        Assert.True(type.IsClass);
        Assert.False(type.IsArray);
        Assert.False(typeof(IEnumerable).IsAssignableFrom(type));
        Assert.NotNull(type.GetMethod("<Clone>$"));
        Assert.Equal(typeof(ValueList<V3Action>), type.GetProperty(nameof(ObserveOutcome.Actions))!.PropertyType);
        Assert.Equal(typeof(CacheStatus?), type.GetProperty(nameof(ObserveOutcome.CacheStatus))!.PropertyType);
    }

    [Fact]
    public void Cache_status_survives_copy_and_transformation()
    {
        var outcome = new ObserveOutcome { Actions = [Button], CacheStatus = CacheStatus.Hit };

        // The seed's review: on `Action[] & { cacheStatus }`, copy/map/filter lost cacheStatus. Here it stays.
        ObserveOutcome filtered = outcome with { Actions = ValueList.From(outcome.Actions.Where(a => a.Description == "submit")) };
        ObserveOutcome mapped = outcome with { Actions = ValueList.From(outcome.Actions.Select(a => a with { Method = "click" })) };

        Assert.Equal(CacheStatus.Hit, filtered.CacheStatus);
        Assert.Equal(CacheStatus.Hit, mapped.CacheStatus);
        Assert.Equal(outcome, filtered);
        Assert.NotEqual(outcome, mapped);
        Assert.Equal("click", Assert.Single(mapped.Actions).Method);
    }

    [Fact]
    public void Cache_status_is_optional_and_part_of_equality()
    {
        var unknown = new ObserveOutcome { Actions = [Button] };
        var hit = unknown with { CacheStatus = CacheStatus.Hit };
        var miss = unknown with { CacheStatus = CacheStatus.Miss };

        Assert.Null(unknown.CacheStatus);
        Assert.NotEqual(unknown, hit);
        Assert.NotEqual(hit, miss);
        Assert.Equal(hit, new ObserveOutcome { Actions = [Button with { }], CacheStatus = CacheStatus.Hit });
    }

    [Fact]
    public void Act_and_extract_outcomes_carry_cache_status_too()
    {
        foreach (System.Type type in new[] { typeof(ActOutcome), typeof(ExtractOutcome), typeof(ObserveOutcome) })
        {
            PropertyInfo property = type.GetProperty("CacheStatus")!;
            Assert.Equal(typeof(CacheStatus?), property.PropertyType);
            Assert.Equal("cacheStatus", property.GetCustomAttribute<ContractMemberAttribute>()!.WireName);
        }

        List<string> members = typeof(ExtractOutcome).GetProperties().Select(p => p.Name).ToList();
        Assert.DoesNotContain(members, name => name.StartsWith("__", System.StringComparison.Ordinal));
        Assert.Contains(nameof(ExtractOutcome.Completed), members);
    }
}
