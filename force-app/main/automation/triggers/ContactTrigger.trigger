trigger ContactTrigger on Contact(
  before insert,
  before update,
  after update,
  before delete,
  after delete
) {
  new KondoTriggerDispatcher(
      new List<Object>{
        new MergedPersonCarrier(),
        new LinkedInKeyMaintainer(),
        new HistoryLengthKeeper(),
        new ReplyNeededKeeper(),
        new ChangeRecorder()
      }
    )
    .run();
}
