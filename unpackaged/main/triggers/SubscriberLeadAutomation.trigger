trigger SubscriberLeadAutomation on Lead(after update) {
  SubscriberAutomation.afterPeopleUpdated(Trigger.new);
}
