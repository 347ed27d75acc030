trigger LeadTrigger on Lead(before insert, before update, after update) {
  new LeadTriggerHandler().run();
}
