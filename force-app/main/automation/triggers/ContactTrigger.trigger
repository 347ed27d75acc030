trigger ContactTrigger on Contact(before insert, before update) {
  new KondoTriggerDispatcher(
      new List<Object>{
        new LinkedInKeyMaintainer(),
        new HistoryLengthKeeper(),
        new ReplyNeededKeeper()
      }
    )
    .run();
}
