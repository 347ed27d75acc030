trigger LeadTrigger on Lead(before insert, before update, after update) {
  new KondoTriggerDispatcher(
      new List<Object>{
        new LinkedInKeyMaintainer(),
        new HistoryLengthKeeper(),
        new ReplyNeededKeeper(),
        new LeadConversionService()
      }
    )
    .run();
}
