using System.CommandLine;
using QualityGate.Configuration;
using QualityGate.Data;
using QualityGate.Errors;
using QualityGate.Suite;

namespace QualityGate.Cli.Commands;

/// <summary><c>qgate suite list|accept|reject|pin|unpin</c>: review the items mining quarantined, and pin confirmed mistakes.</summary>
internal static class SuiteCommand
{
    public static Command Create()
    {
        var command = new Command("suite", "Review the hard-example suite: list quarantined items, accept or reject them by id.");
        command.Add(List());
        command.Add(Decide("accept", SuiteStatus.Active, "Make quarantined items active: they count in the suite metrics from now on."));
        command.Add(Decide("reject", SuiteStatus.Rejected, "Reject items: they stay in the file, count in no metric, and are never mined again."));
        command.Add(Pin("pin", pinned: true, "Pin items: confirmed mistakes that must never come back. They count strictly in 'suite.pinned_regressed' and are never evicted."));
        command.Add(Pin("unpin", pinned: false, "Unpin items: they stay active and are counted like any other item."));
        return command;
    }

    private static Command List()
    {
        var config = CommandLine.ConfigOption();
        var all = new Option<bool>("--all") { Description = "List every item, not only the quarantined ones." };
        var command = new Command("list", "List quarantined items with the reason.") { config, all };
        command.SetAction(parsed =>
        {
            var (settings, heldout, labels) = Open(parsed.GetValue(config)!);
            var path = settings.Data.Suite!;
            if (!File.Exists(path))
            {
                Console.WriteLine($"The suite '{settings.Display(path)}' does not exist yet; 'qgate mine' writes it.");
                return ExitCodes.Passed;
            }

            var document = SuiteFile.Read(path, settings.Display(path), heldout.Separator, settings.Label.Column, labels);
            var shown = document.Items.Where(i => parsed.GetValue(all) || i.Status == SuiteStatus.Quarantined).ToList();
            foreach (var item in shown)
            {
                Console.WriteLine($"{item.Id}  {item.StatusName,-11}  {(item.Positive ? "positive" : "negative")}  score {item.ScoreWhenMined:0.####}  {item.Source}  {item.Reason}");
            }

            Console.WriteLine($"{shown.Count} of {document.Items.Count} items shown ({document.Items.Count(i => i.Status == SuiteStatus.Quarantined)} quarantined).");
            return ExitCodes.Passed;
        });
        return command;
    }

    private static Command Decide(string name, SuiteStatus status, string description)
    {
        var config = CommandLine.ConfigOption();
        var ids = new Argument<string[]>("ids") { Description = "Item ids (the qg_id column).", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string?>("--reason") { Description = "Why, kept in the qg_reason column." };
        var command = new Command(name, description) { config, ids, reason };
        command.SetAction(parsed =>
        {
            var (settings, heldout, labels) = Open(parsed.GetValue(config)!);
            var path = settings.Data.Suite!;
            var wanted = parsed.GetValue(ids)!;
            var update = SuiteStore.Change(path, settings.Display(path), heldout.Separator, heldout.Columns, settings.Label.Column, labels, current =>
            {
                var missing = wanted.Where(id => current.Find(id) is null).ToList();
                if (missing.Count > 0)
                {
                    throw new ConfigurationException(ErrorCodes.Usage, $"The suite has no item {string.Join(", ", missing)}.", new SourceLocation(settings.Display(path), 0, 0), "See 'qgate suite list --all'.");
                }

                var note = parsed.GetValue(reason) ?? (status == SuiteStatus.Active ? string.Empty : "rejected in review");
                var items = current.Items.Select(i => wanted.Contains(i.Id) ? i with { Status = status, Reason = note } : i);
                return (current.With(items), wanted.Length);
            });
            Console.WriteLine($"{(status == SuiteStatus.Active ? "Accepted" : "Rejected")} {update.Outcome} item(s) in {settings.Display(path)}.");
            return ExitCodes.Passed;
        });
        return command;
    }

    /// <summary>Pinning is a person's decision; mining only proposes items for it.</summary>
    private static Command Pin(string name, bool pinned, string description)
    {
        var config = CommandLine.ConfigOption();
        var ids = new Argument<string[]>("ids") { Description = "Item ids (the qg_id column).", Arity = ArgumentArity.OneOrMore };
        var reason = new Option<string?>("--reason") { Description = "Why, kept in the qg_reason column." };
        var command = new Command(name, description) { config, ids };
        if (pinned)
        {
            command.Add(reason);
        }

        command.SetAction(parsed =>
        {
            var (settings, heldout, labels) = Open(parsed.GetValue(config)!);
            var path = settings.Data.Suite!;
            var wanted = parsed.GetValue(ids)!.ToHashSet(StringComparer.Ordinal);
            var where = new SourceLocation(settings.Display(path), 0, 0);
            var update = SuiteStore.Change(path, settings.Display(path), heldout.Separator, heldout.Columns, settings.Label.Column, labels, current =>
            {
                var missing = wanted.Where(id => current.Find(id) is null).Order(StringComparer.Ordinal).ToList();
                if (missing.Count > 0)
                {
                    throw new ConfigurationException(ErrorCodes.Usage, $"The suite has no item {string.Join(", ", missing)}.", where, "See 'qgate suite list --all'.");
                }

                var rejected = current.Items.Where(i => wanted.Contains(i.Id) && i.Status == SuiteStatus.Rejected).Select(i => i.Id).ToList();
                if (pinned && rejected.Count > 0)
                {
                    throw new ConfigurationException(ErrorCodes.Usage, $"Rejected items cannot be pinned: {string.Join(", ", rejected)}.", where, "A rejected item's label was judged wrong; accept it first if it is a real mistake.");
                }

                var note = pinned ? parsed.GetValue(reason) ?? "pinned in review" : string.Empty;
                var items = current.Items.Select(i => wanted.Contains(i.Id) ? i with { Status = SuiteStatus.Active, Pinned = pinned, Reason = note } : i);
                return (current.With(items), wanted.Count);
            });
            Console.WriteLine($"{(pinned ? "Pinned" : "Unpinned")} {update.Outcome} item(s) in {settings.Display(path)}.");
            return ExitCodes.Passed;
        });
        return command;
    }

    private static (GateConfig Config, DataFile Heldout, LabelMatcher Labels) Open(string configPath)
    {
        var config = ConfigLoader.Load(configPath);
        if (config.Data.Suite is null)
        {
            throw new ConfigurationException(ErrorCodes.ConfigMissingKey, "The configuration names no suite: set 'data.suite'.", config.Data.HeldoutLocation);
        }

        var heldout = DataFile.Open(config.Data.Heldout, config.Display(config.Data.Heldout), config.Data.Separator, config.Data.HeldoutLocation);
        return (config, heldout, new LabelMatcher(config.Label));
    }
}
