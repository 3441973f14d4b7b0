// Forms the read-model replica set rs0 from the three members, once; run by the mongo-init service.
try {
  rs.status();
  print('replica set rs0 already initiated');
} catch (error) {
  if (error.codeName !== 'NotYetInitialized') throw error;
  rs.initiate({
    _id: 'rs0',
    members: [
      { _id: 0, host: 'mongo-1:27017' },
      { _id: 1, host: 'mongo-2:27017' },
      { _id: 2, host: 'mongo-3:27017' },
    ],
  });
  print('replica set rs0 initiated');
}
